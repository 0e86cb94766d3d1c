package org.havewemet.mailet;

import java.time.Clock;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.TriageResult;

/**
 * Writes one index document per (recipient, invitation); re-delivery of the same mail updates it in place. The
 * document is built here, on the spool thread, and written by the {@link IndexWriteQueue}.
 */
final class IndexRecorder implements InvitationRecorder {
    private final IndexWriteQueue writes;
    private final Clock clock;

    IndexRecorder(IndexWriteQueue writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public void record(Mail mail, MailAddress recipient, TriageResult result, ReplyOutcome outcome) throws Exception {
        Invitation invitation = result.invitation().orElse(null);
        if (invitation == null) {
            return;
        }
        MimeMessage message = mail.getMessage();
        String messageId = message.getMessageID() != null ? message.getMessageID() : mail.getName();
        // When it reached this server, not the sender's Date header: "after:", the digest and retention all mean
        // arrival, and a Date header is whatever the sender wrote.
        InvitationRecord record = TriageFactory.record(recipient.asString(), messageId, invitation,
            result, outcome, clock.instant());
        writes.submitRecord(record);
    }
}
