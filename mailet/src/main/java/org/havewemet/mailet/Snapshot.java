package org.havewemet.mailet;

import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.triage.Triage;

/**
 * Everything built from one configuration, immutable: a mail takes one snapshot and uses it from start to end, so a
 * reload swapping in the next one never mixes two configurations in one mail.
 */
public record Snapshot(HaveWeMetConfig config, Folders folders, Triage triage, TemplateStore templates,
                       InvitationResponder responder, InvitationRecorder recorder, DigestService digest,
                       AnswerFlow answers, RetentionPurger retention, DeliveryMarks marks) {

    /** Stops the timers of this snapshot (digest, retention); the stores stay open for the next one. */
    void retire() {
        HaveWeMetRuntime.closeQuietly("digest", digest);
        HaveWeMetRuntime.closeQuietly("retention", retention);
    }
}
