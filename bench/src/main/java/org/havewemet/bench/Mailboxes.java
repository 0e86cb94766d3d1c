package org.havewemet.bench;

import java.util.BitSet;
import java.util.Locale;
import java.util.Properties;

import javax.mail.FetchProfile;
import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Store;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.mailet.Folders;

/**
 * The benchmark user's mailboxes seen over one IMAP connection: how many messages were delivered (every folder but
 * Drafts, where havewemet writes drafts of its own), and an exact check by the benchmark's tag header afterwards.
 */
final class Mailboxes implements AutoCloseable {
    static final String USER = "alice@" + ServerSettings.DEFAULT_DOMAIN;
    static final String PASSWORD = "secret";
    private static final String DRAFTS = Folders.DEFAULT.drafts();

    private final Store store;

    Mailboxes(GuiceJamesServer server) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(server.getProbe(ImapGuiceProbe.class).getImapPort()));
        store = Session.getInstance(props).getStore("imap");
        store.connect(USER, PASSWORD);
    }

    /** Messages in every folder except Drafts. */
    int delivered() throws MessagingException {
        int total = 0;
        for (Folder f : store.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) != 0 && !isDrafts(f)) {
                total += f.getMessageCount();
            }
        }
        return total;
    }

    /** Messages in Drafts (0 when there is no such folder). */
    int drafts() throws MessagingException {
        Folder f = store.getFolder(DRAFTS);
        return f.exists() ? f.getMessageCount() : 0;
    }

    /**
     * Fails unless exactly the copies {@code tag.0} to {@code tag.(n-1)} carry the tag header, each once, none of
     * them in Drafts, and the delivered count the clock stopped on is exactly n (nothing else arrived). Reads only
     * that header (IMAP FETCH of one header field), so checking stays cheap on big mailboxes.
     */
    void verify(String tag, int n, int delivered) throws MessagingException {
        BitSet seen = new BitSet(n);
        int tagged = 0;
        String prefix = tag + ".";
        for (Folder f : store.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) == 0) {
                continue;
            }
            f.open(Folder.READ_ONLY);
            try {
                Message[] all = f.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(SmtpThroughput.TAG_HEADER);
                f.fetch(all, profile);
                for (Message m : all) {
                    String[] values = m.getHeader(SmtpThroughput.TAG_HEADER);
                    if (values == null || !values[0].trim().startsWith(prefix)) {
                        continue;
                    }
                    if (isDrafts(f)) {
                        throw new IllegalStateException("a benchmark message was filed into " + f.getFullName());
                    }
                    int copy = Integer.parseInt(values[0].trim().substring(prefix.length()));
                    if (copy < 0 || copy >= n || seen.get(copy)) {
                        throw new IllegalStateException("unexpected or duplicate copy " + values[0]);
                    }
                    seen.set(copy);
                    tagged++;
                }
            } finally {
                f.close(false);
            }
        }
        if (tagged != n || delivered != n) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "expected %d delivered copies of the sent messages, found %d tagged, %d new outside Drafts",
                    n, tagged, delivered));
        }
    }

    private static boolean isDrafts(Folder f) {
        return f.getFullName().equalsIgnoreCase(DRAFTS);
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
