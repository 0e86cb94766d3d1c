package org.havewemet.triage;

import javax.mail.internet.MimeMessage;

/**
 * Decides whether a mail is a connection invitation, extracts the inviter and judges the note.
 * Implementations never throw for bad input: malformed mail yields NOT_INVITATION with a reason.
 */
public interface Triage {
    /**
     * @param message   the mail as received
     * @param envelopeSender the SMTP reverse path (Return-Path), null for the null sender
     * @param recipient the local recipient this verdict is for
     */
    TriageResult triage(MimeMessage message, String envelopeSender, String recipient);
}
