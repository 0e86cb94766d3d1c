package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.mail.Flags;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.store.mail.NaiveThreadIdGuessingAlgorithm;
import org.apache.james.mailbox.store.mail.ThreadIdGuessingAlgorithm;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;

/**
 * Stock Apache James 3.8.1's memory server (the server {@code ./havewemet serve} runs, with havewemet's mailet
 * removed from its mailet container) holding the benchmark mailbox in one user's INBOX, searched over IMAP.
 * Its memory mailbox searches with {@code SimpleMessageSearchIndex}: every SEARCH reads and parses every message.
 */
final class JamesMailboxSide implements AutoCloseable {
    static final String USER = InvitationLayouts.RECIPIENT;
    private static final String PASSWORD = "secret";
    private static final Pattern MAILET_BLOCK = Pattern.compile(
        "\\s*<mailet match=\"All\" class=\"" + Pattern.quote(JamesConfWriter.MAILET_CLASS) + "\">.*?</mailet>",
        Pattern.DOTALL);

    private final GuiceJamesServer server;
    private final RawImapClient imap;

    private JamesMailboxSide(GuiceJamesServer server, RawImapClient imap) {
        this.server = server;
        this.imap = imap;
    }

    /** Starts the server, appends every mail into the user's INBOX (internal date = the mail's Date) and logs in. */
    static JamesMailboxSide start(InvitationMails mails, Path data, int threads) throws Exception {
        Files.createDirectories(data.resolve("conf"));
        ServerSettings settings = ServerSettings.demo(data).withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(new ServerSettings.HostAndPort("127.0.0.1", 9)));
        Path conf = new JamesConfWriter(false).write(settings);
        Path container = conf.resolve("mailetcontainer.xml");
        Matcher m = MAILET_BLOCK.matcher(Files.readString(container, StandardCharsets.UTF_8));
        if (!m.find()) {
            throw new IllegalStateException("no havewemet mailet block in " + container);
        }
        Files.writeString(container, m.replaceAll(""), StandardCharsets.UTF_8);
        // Stock memory James guesses the thread of every appended message by SEARCHING the user's mailboxes
        // (SearchThreadIdGuessingAlgorithm), a full scan per append: loading 100k mails would be quadratic (hours).
        // Appends here use James' naive algorithm (every message its own thread); SEARCH is untouched.
        GuiceJamesServer server = MemoryJamesServerMain.createServer(EmbeddedJames.configuration(data))
            .overrideWith(binder -> binder.bind(ThreadIdGuessingAlgorithm.class)
                .to(NaiveThreadIdGuessingAlgorithm.class));
        server.start();
        try {
            DataProbeImpl accounts = server.getProbe(DataProbeImpl.class);
            if (!accounts.containsDomain(ServerSettings.DEFAULT_DOMAIN)) {
                accounts.addDomain(ServerSettings.DEFAULT_DOMAIN);
            }
            accounts.addUser(USER, PASSWORD);
            append(server.getProbe(MailboxProbeImpl.class), mails, threads);
            RawImapClient imap = new RawImapClient("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort());
            imap.login(USER, PASSWORD);
            imap.select("INBOX");
            return new JamesMailboxSide(server, imap);
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
    }

    private static void append(MailboxProbeImpl probe, InvitationMails mails, int threads) throws Exception {
        MailboxPath inbox = MailboxPath.inbox(Username.of(USER));
        if (!probe.listUserMailboxes(USER).contains(inbox.getName())) {
            probe.createMailbox(inbox);
        }
        AtomicInteger failures = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, mails.size()).parallel().forEach(i -> {
                try {
                    MimeRenderer.Draft d = mails.draft(i);
                    probe.appendMessage(USER, inbox, new ByteArrayInputStream(MimeRenderer.render(d)),
                        Date.from(d.date()), false, new Flags());
                } catch (Exception e) {
                    if (failures.getAndIncrement() == 0) {
                        e.printStackTrace(System.out);
                    }
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + mails.size() + " appends failed");
        }
    }

    /** {@code UID SEARCH keys} over IMAP; the number of UIDs James answered. */
    int search(List<Object> keys) throws Exception {
        return imap.uidSearch(keys.toArray()).size();
    }

    /** Messages in the INBOX, as IMAP reports them (a check that every append arrived). */
    int messageCount() throws Exception {
        return imap.uidSearch("ALL").size();
    }

    @Override
    public void close() throws IOException {
        try {
            imap.close();
        } finally {
            server.stop();
        }
    }
}
