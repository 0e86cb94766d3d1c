package org.havewemet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Address;
import javax.mail.Folder;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;

/**
 * James SMTP throughput with and without havewemet's mailet: two embedded James 3.8.1 memory servers configured
 * like {@code ./havewemet serve}; the second has the TriageInvitations mailet block removed from its written
 * mailetcontainer.xml. Each gets the same N fixture messages from a few concurrent SMTP clients on loopback; the
 * clock stops when IMAP shows all N delivered (summed over every folder, since the mailet files into several).
 * The servers run one after the other (never sharing the two cores), alternating, best round of each kept.
 */
public final class SmtpThroughput {
    private static final String USER = "alice@" + ServerSettings.DEFAULT_DOMAIN;
    private static final String PASSWORD = "secret";
    private static final Pattern MAILET_BLOCK = Pattern.compile(
            "\\s*<mailet match=\"All\" class=\"" + Pattern.quote(JamesConfWriter.MAILET_CLASS) + "\">.*?</mailet>", Pattern.DOTALL);

    /** Messages per second, with our mailet and without it. */
    public record Result(double withMailet, double without, int messages) {
    }

    private final BenchMessages messages;
    private final int count;
    private final int clients;
    private final int rounds;

    public SmtpThroughput(BenchMessages messages, int count, int clients, int rounds) {
        this.messages = messages;
        this.count = count;
        this.clients = clients;
        this.rounds = rounds;
    }

    public Result run() throws Exception {
        // Two James servers cannot share one JVM (their MBeans collide), so each round starts one, warms it up,
        // measures it and stops it; rounds alternate without/with and the best of each is kept.
        double bestWith = 0;
        double bestWithout = 0;
        for (int round = 0; round < rounds; round++) {
            bestWithout = Math.max(bestWithout, measure(false));
            bestWith = Math.max(bestWith, measure(true));
        }
        return new Result(bestWith, bestWithout, count);
    }

    private double measure(boolean withMailet) throws Exception {
        GuiceJamesServer server = start(withMailet);
        try {
            push(server, Math.max(1, count / 4), 0);
            return push(server, count, imapCount(server));
        } finally {
            server.stop();
        }
    }

    private GuiceJamesServer start(boolean withMailet) throws Exception {
        Path data = Files.createTempDirectory(withMailet ? "bench-james-with" : "bench-james-without");
        Files.createDirectories(data.resolve("conf"));
        // Replies stay records (dry run): the benchmark must not send mail anywhere, and relays only to loopback.
        Files.writeString(data.resolve("conf").resolve(JamesConfWriter.HAVEWEMET_YAML), "replies:\n  dryRun: true\n");
        ServerSettings settings = ServerSettings.demo(data).withPorts(0, 0, 0)
                .withOutboundRelay(Optional.of(new ServerSettings.HostAndPort("127.0.0.1", 9)));
        Path conf = new JamesConfWriter(false).write(settings);
        if (!withMailet) {
            Path container = conf.resolve("mailetcontainer.xml");
            String xml = Files.readString(container, StandardCharsets.UTF_8);
            Matcher m = MAILET_BLOCK.matcher(xml);
            if (!m.find()) {
                throw new IllegalStateException("no TriageInvitations mailet block in " + container);
            }
            Files.writeString(container, m.replaceAll(""), StandardCharsets.UTF_8);
        }
        GuiceJamesServer server = MemoryJamesServerMain.createServer(EmbeddedJames.configuration(data));
        server.start();
        try {
            DataProbeImpl probe = server.getProbe(DataProbeImpl.class);
            if (!probe.containsDomain(ServerSettings.DEFAULT_DOMAIN)) {
                probe.addDomain(ServerSettings.DEFAULT_DOMAIN);
            }
            probe.addUser(USER, PASSWORD);
        } catch (Exception | Error e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** Sends n messages over {@code clients} connections; returns msgs/s until IMAP counts {@code before + n}. */
    private double push(GuiceJamesServer server, int n, int before) throws Exception {
        int smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(props);
        List<MimeMessage> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            parsed.add(new MimeMessage(session, new java.io.ByteArrayInputStream(messages.raw(i))));
        }
        Address[] to = {new InternetAddress(USER)};
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    try (Transport t = session.getTransport("smtp")) {
                        t.connect();
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            t.sendMessage(parsed.get(i % parsed.size()), to);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (imapCount(server) < before + n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + (imapCount(server) - before) + " of " + n + " delivered in 5 min");
            }
            Thread.sleep(20);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Messages in all of the user's folders, read over IMAP. */
    private static int imapCount(GuiceJamesServer server) throws Exception {
        int port = server.getProbe(ImapGuiceProbe.class).getImapPort();
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(port));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(USER, PASSWORD);
        try {
            int total = 0;
            for (Folder f : store.getDefaultFolder().list("*")) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
                    total += f.getMessageCount();
                }
            }
            return total;
        } finally {
            store.close();
        }
    }

}
