package org.havewemet.mailet;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.TriageResult;

/**
 * What only the server knows about a delivery, added to triage's result before it is acted on: a shared role or
 * group address ({@link SharedAddresses}), a mass inviter ({@link MassInviters}), what this user taught by
 * moving invitations ({@link Corrections}). Triage itself knows no James.
 */
record DeliveryMarks(SharedAddresses shared, MassInviters mass, Corrections corrections) {
    TriageResult apply(Mail mail, String recipient, TriageResult result) throws MessagingException {
        if (result.invitation().isEmpty()) {
            return result;
        }
        MimeMessage message = mail.getMessage();
        // The id the index records this delivery under (IndexRecorder): the same mail re-delivered is one record.
        String messageId = message.getMessageID() != null ? message.getMessageID() : mail.getName();
        // The user's own corrections first: an inviter this user moved to Spam or priority is theirs to judge.
        TriageResult corrected = corrections.mark(recipient, result);
        return mass.mark(recipient, InvitationRecord.idFor(recipient, messageId),
            shared.mark(message, recipient, corrected));
    }

    /**
     * The same for a mail already in {@code user}'s mailbox (backfill, reindex): the envelope recipient is the user
     * (a group is still seen in the To/Cc headers); a mass inviter is recognised, never counted again.
     */
    TriageResult applyStored(MimeMessage message, String user, TriageResult result) {
        if (result.invitation().isEmpty()) {
            return result;
        }
        return mass.markKnown(shared.mark(message, user, corrections.mark(user, result)));
    }
}
