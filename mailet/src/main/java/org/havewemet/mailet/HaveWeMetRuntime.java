package org.havewemet.mailet;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailbox.MailboxManager;
import org.apache.mailet.MailetContext;
import org.havewemet.triage.Reason;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;

/**
 * The one shared havewemet instance of a James server: configuration, triage, responder, index. Guice creates it
 * once (JIT singleton in the root injector), so the mailet and the WebAdmin routes share the same index.
 */
@Singleton
public class HaveWeMetRuntime {
    public static final String DEFAULT_CONFIG = "file://conf/havewemet.yaml";

    private final FileSystem fileSystem;
    private final MailboxManager mailboxManager;
    private volatile boolean started;

    @Inject
    public HaveWeMetRuntime(FileSystem fileSystem, @Named("mailboxmanager") MailboxManager mailboxManager) {
        this.fileSystem = fileSystem;
        this.mailboxManager = mailboxManager;
    }

    public synchronized void start(String configLocation, MailetContext context) {
        started = true;
    }

    public synchronized void stop() {
        started = false;
    }

    public Triage triage() {
        return (message, sender, recipient) -> TriageResult.notInvitation(new Reason("NOT_YET", 0, ""));
    }

    public Folders folders() {
        return Folders.DEFAULT;
    }

    public InvitationResponder responder() {
        return (mail, recipient, result) -> ReplyOutcome.none();
    }

    public InvitationRecorder recorder() {
        return (mail, recipient, result, outcome) -> { };
    }
}
