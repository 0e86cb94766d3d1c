package org.havewemet.reply;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A MimeMessage whose Message-ID survives saveChanges(): the ledger records the id we minted, so it must be the one
 * that leaves the server (the inviter's answer is matched by it).
 */
final class StableIdMimeMessage extends MimeMessage {
    StableIdMimeMessage(Session session) {
        super(session);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
