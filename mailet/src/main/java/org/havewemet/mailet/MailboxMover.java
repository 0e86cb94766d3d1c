package org.havewemet.mailet;

import java.util.List;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;

import reactor.core.publisher.Flux;

/** Moves an already delivered message, found by its Message-ID, from one of a user's folders to another. */
final class MailboxMover {
    private final MailboxManager mailboxManager;

    MailboxMover(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /** @return how many messages were moved (0 when the message is no longer in {@code fromFolder}) */
    int moveByMessageId(String user, String messageId, String fromFolder, String toFolder) throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        // havewemet's own move (an explained answer): never taken for the user's correction.
        CorrectionListener.ownSession(session);
        mailboxManager.startProcessingRequest(session);
        try {
            MailboxPath from = path(username, fromFolder, session);
            MailboxPath to = path(username, toFolder, session);
            MessageManager source;
            try {
                source = mailboxManager.getMailbox(from, session);
            } catch (MailboxNotFoundException gone) {
                return 0;
            }
            List<MessageUid> uids = Flux.from(source.search(
                    SearchQuery.of(SearchQuery.headerContains("Message-ID", messageId)), session))
                .collectList()
                .block();
            if (uids == null || uids.isEmpty()) {
                return 0;
            }
            MailboxDrafts.ensureExists(mailboxManager, to, session);
            for (MessageUid uid : uids) {
                mailboxManager.moveMessages(MessageRange.one(uid), from, to, session);
            }
            return uids.size();
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private static MailboxPath path(Username user, String folder, MailboxSession session) {
        return MailboxPath.forUser(user, folder.replace('/', session.getPathDelimiter()));
    }
}
