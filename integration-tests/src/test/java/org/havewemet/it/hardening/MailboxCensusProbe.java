package org.havewemet.it.hardening;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.exception.MailboxException;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.apache.james.utils.GuiceProbe;

/**
 * Reads a user's whole mailbox tree inside the server: which value of a header each stored message carries, folder
 * by folder. Counting this way is exact and fast even for ten thousand messages, where IMAP polling is neither.
 */
public class MailboxCensusProbe implements GuiceProbe {
    private final MailboxManager mailboxManager;

    @Inject
    public MailboxCensusProbe(MailboxManager mailboxManager) {
        this.mailboxManager = mailboxManager;
    }

    /**
     * @return folder name -> the values of {@code headerName} of its messages (a message without the header is
     * listed as an empty string)
     */
    public Map<String, List<String>> headerValuesByFolder(String user, String headerName) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(Username.of(user));
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        for (MailboxPath path : ownMailboxes(session, user)) {
            MessageManager mailbox = mailboxManager.getMailbox(path, session);
            List<String> values = new ArrayList<>();
            MessageResultIterator messages = mailbox.getMessages(MessageRange.all(), FetchGroup.HEADERS, session);
            while (messages.hasNext()) {
                values.add(headerValue(messages.next(), headerName));
            }
            byFolder.put(path.getName(), values);
        }
        return byFolder;
    }

    /** How many messages the user's folders hold, but the excluded one; cheap enough to poll. */
    public long messageCountExcluding(String user, String excludedFolder) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(Username.of(user));
        long count = 0;
        for (MailboxPath path : ownMailboxes(session, user)) {
            if (!path.getName().equalsIgnoreCase(excludedFolder)) {
                count += mailboxManager.getMailbox(path, session).getMessageCount(session);
            }
        }
        return count;
    }

    /** folder name -> the full header block ("Name: value" lines) of each of its messages. */
    public Map<String, List<String>> headerBlocksByFolder(String user) throws MailboxException {
        MailboxSession session = mailboxManager.createSystemSession(Username.of(user));
        Map<String, List<String>> byFolder = new LinkedHashMap<>();
        for (MailboxPath path : ownMailboxes(session, user)) {
            List<String> blocks = new ArrayList<>();
            MessageResultIterator messages = mailboxManager.getMailbox(path, session)
                .getMessages(MessageRange.all(), FetchGroup.HEADERS, session);
            while (messages.hasNext()) {
                StringBuilder block = new StringBuilder();
                Iterator<Header> headers = messages.next().getHeaders().headers();
                while (headers.hasNext()) {
                    Header header = headers.next();
                    block.append(header.getName()).append(": ").append(header.getValue().trim()).append('\n');
                }
                blocks.add(block.toString());
            }
            byFolder.put(path.getName(), blocks);
        }
        return byFolder;
    }

    /** The system session lists every user's mailboxes: keep the user's own. */
    private List<MailboxPath> ownMailboxes(MailboxSession session, String user) throws MailboxException {
        Username owner = Username.of(user);
        return mailboxManager.list(session).stream().filter(path -> owner.equals(path.getUser())).toList();
    }

    private static String headerValue(MessageResult message, String headerName) throws MailboxException {
        Iterator<Header> headers = message.getHeaders().headers();
        String wanted = headerName.toLowerCase(Locale.ROOT);
        while (headers.hasNext()) {
            Header header = headers.next();
            if (header.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return header.getValue().trim();
            }
        }
        return "";
    }
}
