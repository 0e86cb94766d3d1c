package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.mail.Address;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.GuiceProbe;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;

import com.google.inject.multibindings.Multibinder;

/**
 * James SMTP throughput with and without havewemet's mailet: two embedded James 3.8.1 memory servers configured
 * like {@code ./havewemet serve}; the second has the TriageInvitations mailet block removed from its written
 * mailetcontainer.xml. Each gets the same N corpus messages from a few concurrent SMTP clients on loopback; the
 * clock stops when IMAP shows all N delivered (see {@link #push}: counted exactly by a per-copy tag header, drafts
 * excluded) and havewemet is idle. The servers run one after the other (never sharing the two cores), alternating,
 * best round of each kept.
 */
public final class SmtpThroughput {
    /** Added to every copy sent: a per-push tag and the copy's number. */
    static final String TAG_HEADER = "X-Bench-Tag";
    private static final String USER = Mailboxes.USER;
    private static final String PASSWORD = Mailboxes.PASSWORD;
    private static final Pattern MAILET_BLOCK = Pattern.compile(
            "\\s*<mailet match=\"All\" class=\"" + Pattern.quote(JamesConfWriter.MAILET_CLASS) + "\">.*?</mailet>", Pattern.DOTALL);
    private static final Pattern CORRESPONDENTS_BLOCK = Pattern.compile(
            "\\s*<!-- havewemet: people the local users write to[^>]*-->\\s*<mailet match=\"SenderIsLocal\" class=\""
            + "org.havewemet.mailet.RecordCorrespondents\">.*?</mailet>", Pattern.DOTALL);

    /**
     * Messages per second, with our mailet and without it (best round of each), and the process CPU per message
     * (mean over the rounds), which other load on the machine distorts far less than wall-clock throughput.
     */
    public record Result(double withMailet, double without, int messages, double withCpuMillis,
                         double withoutCpuMillis) {
    }

    private final List<byte[]> corpus;
    private final int count;
    private final int clients;
    private final int rounds;
    private final String corpusName;
    /** Measured pushes so far, numbering the JFR recordings. */
    private int measured;

    /** The fixture corpus, as it always was: every fixture in path order. */
    public SmtpThroughput(BenchMessages messages, int count, int clients, int rounds) {
        this(IntStream.range(0, messages.size()).mapToObj(messages::raw).toList(), "invitations", count, clients,
                rounds);
    }

    /** Any corpus of raw RFC 822 messages, sent in order and cycled; the name labels JFR recordings. */
    public SmtpThroughput(List<byte[]> corpus, String corpusName, int count, int clients, int rounds) {
        this.corpus = List.copyOf(corpus);
        this.corpusName = corpusName;
        this.count = count;
        this.clients = clients;
        this.rounds = rounds;
    }

    public Result run() throws Exception {
        // Two James servers cannot share one JVM (their MBeans collide), so each round starts one, warms it up,
        // measures it and stops it; rounds alternate without/with and the best of each is kept.
        double bestWith = 0;
        double bestWithout = 0;
        double cpuWith = 0;
        double cpuWithout = 0;
        for (int round = 0; round < rounds; round++) {
            bestWithout = Math.max(bestWithout, measure(false));
            cpuWithout += lastCpuMillisPerMessage / rounds;
            bestWith = Math.max(bestWith, measure(true));
            cpuWith += lastCpuMillisPerMessage / rounds;
        }
        return new Result(bestWith, bestWithout, count, cpuWith, cpuWithout);
    }

    /** CPU of this whole process (server, clients, IMAP polling) per message in the last push: robust to load. */
    volatile double lastCpuMillisPerMessage;
    /** Drafts havewemet wrote into Drafts during the last push (not counted as deliveries). */
    volatile int lastDrafts;

    private static long processCpuNanos() {
        // ProcessHandle is the portable way (com.sun.management is not part of the Java platform).
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Warm-up messages before the measured ones: {@code -Dhavewemet.bench.smtpWarmup}, default N/4. */
    private int warmup() {
        return Math.max(1, Integer.getInteger("havewemet.bench.smtpWarmup", count / 4));
    }

    /** One server started, warmed up with N/4 messages, measured on N, stopped. */
    double measure(boolean withMailet) throws Exception {
        GuiceJamesServer server = start(withMailet);
        try {
            String run = Long.toHexString(System.nanoTime());
            push(server, withMailet, warmup(), "warmup-" + run);
            Optional<PushRecording> jfr = PushRecording.start(String.format(Locale.ROOT, "smtp-%s-%s-%d",
                    corpusName, withMailet ? "with" : "without", ++measured));
            try {
                return push(server, withMailet, count, "measured-" + run);
            } finally {
                if (jfr.isPresent()) {
                    jfr.get().close();
                }
            }
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
            String without = m.replaceAll("");
            Matcher correspondents = CORRESPONDENTS_BLOCK.matcher(without);
            if (!correspondents.find()) {
                throw new IllegalStateException("no RecordCorrespondents mailet block in " + container);
            }
            // James without havewemet: neither mailet nor the extension (no index opened, no threads started).
            Files.writeString(container, correspondents.replaceAll(""), StandardCharsets.UTF_8);
            Files.delete(conf.resolve("extensions.properties"));
        }
        GuiceJamesServer server = MemoryJamesServerMain.createServer(EmbeddedJames.configuration(data))
                .overrideWith(binder -> Multibinder
                        .newSetBinder(binder, GuiceProbe.class).addBinding().to(BenchProbe.class));
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

    /**
     * Sends n messages (corpus order, cycling) over {@code clients} connections; returns msgs/s until every one of
     * them is delivered. Each copy carries a unique {@value #TAG_HEADER} so that delivery is counted exactly: the
     * clock runs until the folders other than Drafts hold {@code n} more messages (drafts are mail our mailet writes,
     * not deliveries) and havewemet has finished the work it does for them; afterwards an IMAP SEARCH confirms that
     * exactly the n tagged copies arrived, none of them in Drafts.
     */
    private double push(GuiceJamesServer server, boolean withMailet, int n, String tag) throws Exception {
        int smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(props);
        List<MimeMessage> parsed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] header = (TAG_HEADER + ": " + tag + "." + i + "\r\n").getBytes(StandardCharsets.US_ASCII);
            parsed.add(new MimeMessage(session, new SequenceInputStream(new ByteArrayInputStream(header),
                    new ByteArrayInputStream(corpus.get(i % corpus.size())))));
        }
        Address[] to = {new InternetAddress(USER)};
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (Mailboxes imap = new Mailboxes(server)) {
            int before = imap.delivered();
            int draftsBefore = imap.drafts();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    done.add(pool.submit(() -> {
                        try (Transport t = session.getTransport("smtp")) {
                            t.connect();
                            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                                t.sendMessage(parsed.get(i), to);
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
            int delivered;
            while ((delivered = imap.delivered() - before) < n) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + delivered + " of " + n + " delivered in 5 min");
                }
                Thread.sleep(20);
            }
            if (withMailet) {
                BenchProbe.awaitIdle(server, deadline);
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            lastCpuMillisPerMessage = (processCpuNanos() - cpuStart) / 1e6 / n;
            lastDrafts = imap.drafts() - draftsBefore;
            imap.verify(tag, n, delivered);
            return rate;
        }
    }

}
