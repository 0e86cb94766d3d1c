package org.havewemet.mailet;

import java.io.ByteArrayOutputStream;

import javax.mail.Flags;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxExistsException;
import org.apache.james.mailbox.model.MailboxPath;

import reactor.core.publisher.Mono;

/** Saves ready-made messages into a user's Drafts folder (flag \Draft), creating the folder when missing. */
public final class MailboxDrafts {
    private final MailboxManager mailboxManager;

    public MailboxDrafts(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /** Creates the folder (subscribed) unless it exists; a concurrent creation by another spool thread is fine. */
    static void ensureExists(MailboxManager mailboxManager, MailboxPath path, MailboxSession session)
        throws Exception {
        if (!Boolean.TRUE.equals(Mono.from(mailboxManager.mailboxExists(path, session)).block())) {
            try {
                mailboxManager.createMailbox(path, MailboxManager.CreateOption.CREATE_SUBSCRIPTION, session);
            } catch (MailboxExistsException raced) {
                // another spool thread created it first: fine
            }
        }
    }

    public void save(String user, String folder, MimeMessage draft) throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        mailboxManager.startProcessingRequest(session);
        try {
            MailboxPath path = MailboxPath.forUser(username, folder.replace('/', session.getPathDelimiter()));
            ensureExists(mailboxManager, path, session);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            draft.writeTo(bytes);
            Flags flags = new Flags(Flags.Flag.DRAFT);
            flags.add(Flags.Flag.SEEN);
            MessageManager drafts = mailboxManager.getMailbox(path, session);
            drafts.appendMessage(MessageManager.AppendCommand.builder()
                .withFlags(flags)
                .notRecent()
                .build(bytes.toByteArray()), session);
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }
}
