package org.havewemet.mailet;

import java.time.Instant;
import java.util.stream.Collectors;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;

/** Writes one index document per (recipient, invitation); re-delivery of the same mail updates it in place. */
final class IndexRecorder implements InvitationRecorder {
    private final InvitationIndex index;
    private final java.time.Clock clock;

    IndexRecorder(InvitationIndex index, java.time.Clock clock) {
        this.index = index;
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
        Inviter inviter = invitation.inviter();
        // When it reached this server, not the sender's Date header: "after:", the digest and retention all mean
        // arrival, and a Date header is whatever the sender wrote.
        Instant received = clock.instant();
        index.index(new InvitationRecord(
            InvitationRecord.idFor(recipient.asString(), messageId),
            recipient.asString(),
            messageId,
            invitation.platform(),
            invitation.event().name().toLowerCase(java.util.Locale.ROOT),
            inviter.name(),
            inviter.email(),
            inviter.headline(),
            inviter.company(),
            inviter.location(),
            inviter.profileUrl(),
            invitation.note(),
            invitation.noteLanguage(),
            result.verdict().name(),
            result.reasons().stream().map(Reason::code).distinct().collect(Collectors.toList()),
            outcome.status(),
            outcome.detail(),
            received,
            invitation.mutualConnections(),
            invitation.connections()));
    }
}
