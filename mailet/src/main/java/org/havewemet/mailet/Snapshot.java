package org.havewemet.mailet;

import javax.mail.internet.MimeMessage;

import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;

/**
 * Everything built from one configuration, immutable: a mail takes one snapshot and uses it from start to end, so a
 * reload swapping in the next one never mixes two configurations in one mail.
 */
public record Snapshot(HaveWeMetConfig config, Folders folders, Triage triage, TemplateStore templates,
                       InvitationResponder responder, InvitationRecorder recorder, DigestService digest,
                       AnswerFlow answers, RetentionPurger retention, DeliveryMarks marks) {

    /**
     * What the server knows about a user's invitation already in their mailbox (backfill, reindex): the same
     * shared-address and correction steps as at delivery, and the mass-inviter reason for an inviter already known
     * as one, without counting this mail again (its users were counted when it was delivered).
     */
    public TriageResult markStored(MimeMessage message, String user, TriageResult result) {
        return marks.applyStored(message, user, result);
    }

    /** Stops the timers of this snapshot (digest, retention); the stores stay open for the next one. */
    void retire() {
        HaveWeMetRuntime.closeQuietly("digest", digest);
        HaveWeMetRuntime.closeQuietly("retention", retention);
    }
}
