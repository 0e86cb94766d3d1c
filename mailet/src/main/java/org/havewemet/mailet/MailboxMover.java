package org.havewemet.mailet;

import java.util.List;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.exception.MailboxNotFoundException;
import org.apache.james.mailbox.model.MailboxConstants;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.SearchQuery;

import reactor.core.publisher.Flux;

/**
 * Moves an already delivered message, found by its Message-ID, from one of a user's folders to another. Every move
 * is havewemet's own (an explained answer, an admin's correction, a mass inviter sent to Spam): its session is
 * marked so that {@link CorrectionListener} never takes it for the user's correction.
 */
final class MailboxMover {
    private final MailboxManager mailboxManager;

    MailboxMover(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /** @return how many messages were moved (0 when the message is no longer in {@code fromFolder}) */
    int moveByMessageId(String user, String messageId, String fromFolder, String toFolder) throws Exception {
        return moveFromFirst(user, messageId, List.of(fromFolder), toFolder).isPresent() ? 1 : 0;
    }

    /**
     * Moves the message from the first of {@code fromFolders} that holds it (a folder equal to {@code toFolder} is
     * skipped: the message is already there) into {@code toFolder}, created when missing.
     *
     * @return the folder it was moved from; empty when none of them holds it
     */
    Optional<String> moveFromFirst(String user, String messageId, List<String> fromFolders, String toFolder)
            throws Exception {
        Username username = Username.of(user);
        MailboxSession session = mailboxManager.createSystemSession(username);
        CorrectionListener.ownSession(session);
        mailboxManager.startProcessingRequest(session);
        try {
            MailboxPath to = path(username, toFolder, session);
            for (String fromFolder : fromFolders) {
                MailboxPath from = path(username, fromFolder, session);
                if (from.equals(to) || isInbox(fromFolder) && isInbox(toFolder)) {
                    continue;
                }
                List<MessageUid> uids = find(from, messageId, session);
                if (uids.isEmpty()) {
                    continue;
                }
                MailboxDrafts.ensureExists(mailboxManager, to, session);
                for (MessageUid uid : uids) {
                    mailboxManager.moveMessages(MessageRange.one(uid), from, to, session);
                }
                return Optional.of(fromFolder);
            }
            return Optional.empty();
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private List<MessageUid> find(MailboxPath folder, String messageId, MailboxSession session) throws Exception {
        MessageManager source;
        try {
            source = mailboxManager.getMailbox(folder, session);
        } catch (MailboxNotFoundException gone) {
            return List.of();
        }
        List<MessageUid> uids = Flux.from(source.search(
                SearchQuery.of(SearchQuery.headerContains("Message-ID", messageId)), session))
            .collectList()
            .block();
        return uids == null ? List.of() : uids;
    }

    private static boolean isInbox(String folder) {
        return folder.equalsIgnoreCase(MailboxConstants.INBOX);
    }

    private static MailboxPath path(Username user, String folder, MailboxSession session) {
        return MailboxPath.forUser(user, folder.replace('/', session.getPathDelimiter()));
    }
}
