package org.havewemet.app.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.mail.Folder;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Store;
import javax.mail.URLName;
import javax.mail.internet.MimeMessage;

import org.apache.lucene.store.LockObtainFailedException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.mailet.ReplyOutcome;
import org.havewemet.mailet.TriageFactory;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code havewemet backfill}: runs existing mail through the same triage as the mailet (without replying or moving
 * anything) into the index of a data directory. Idempotent and resumable: a message already in the index is skipped,
 * so a second run adds nothing and an interrupted run continues where it stopped.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Index existing mail of one user: every message runs through the same triage as the mailet,",
        "without replying or moving anything. Idempotent and resumable. The index of a running server is locked:",
        "stop `serve` first (the IMAP source can read from any server, including the running one's IMAP)."})
public final class BackfillCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory of `serve`.")
    Path data;

    @Option(names = "--user", required = true, description = "The user the mail belongs to (an address).")
    String user;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--mbox", paramLabel = "FILE", description = "An mbox file.")
        Path mbox;

        @Option(names = "--maildir", paramLabel = "DIR", description = "A Maildir (its cur/ and new/ messages).")
        Path maildir;

        @Option(names = "--imap", paramLabel = "URL",
            description = "imap://USER:PASSWORD@HOST:PORT (or imaps://); folders with --folder.")
        String imap;
    }

    @Option(names = "--folder", paramLabel = "F", defaultValue = "INBOX",
        description = "IMAP folder(s) to read (repeatable; default INBOX).")
    List<String> folders;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock = Clock.systemUTC();

    /** One message to index, with where it came from (for error messages). */
    private record Raw(String origin, byte[] bytes) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!user.contains("@")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--user: expected an address such as demo@havewemet.test, found \"" + user + "\"");
        }
        String recipient = user.trim().toLowerCase(Locale.ROOT);
        Path conf = data.resolve("conf");
        HaveWeMetConfig config = ConfigLoader.loadOrDefaults(conf.resolve("havewemet.yaml"));
        try (InvitationIndex index = InvitationIndex.open(data.resolve("var/havewemet/index"))) {
            Triage triage = TriageFactory.triage(config, TriageFactory.profiles(config, conf),
                index::isKnownUnchecked);
            Counts counts = run(index, triage, recipient, err);
            index.commit();
            out.printf(Locale.ROOT, "backfill %s: %d messages read, %d invitations indexed, %d already indexed, %d failed%n",
                recipient, counts.read, counts.indexed, counts.skipped, counts.failed);
            out.flush();
            return counts.failed > 0 && counts.read == counts.failed ? 1 : 0;
        } catch (LockObtainFailedException locked) {
            err.println("havewemet backfill: the index under " + data + " is in use by a running server; stop it "
                + "first (the mail can still be read from its IMAP with --imap)");
            err.flush();
            return 1;
        }
    }

    private static final class Counts {
        long read;
        long indexed;
        long skipped;
        long failed;
    }

    private Counts run(InvitationIndex index, Triage triage, String recipient, PrintWriter err)
        throws Exception {
        Counts counts = new Counts();
        Progress progress = new Progress(err, quiet, clock);
        if (source.imap != null) {
            readImap(raw -> handle(raw, index, triage, recipient, counts, progress), progress);
        } else {
            List<Raw> messages = source.mbox != null ? readMbox(source.mbox) : readMaildir(source.maildir);
            progress.total(messages.size());
            for (Raw raw : messages) {
                handle(raw, index, triage, recipient, counts, progress);
            }
        }
        progress.done();
        return counts;
    }

    private void handle(Raw raw, InvitationIndex index, Triage triage, String recipient, Counts counts,
                        Progress progress) {
        counts.read++;
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.bytes()));
            String messageId = message.getMessageID() != null ? message.getMessageID() : raw.origin();
            String id = InvitationRecord.idFor(recipient, messageId);
            if (index.get(id).isPresent()) {
                counts.skipped++;
                return;
            }
            String[] returnPath = message.getHeader("Return-Path");
            String sender = returnPath == null ? null : returnPath[0].replaceAll("[<>\\s]", "");
            TriageResult result = triage.triage(message, sender == null || sender.isEmpty() ? null : sender, recipient);
            if (result.invitation().isPresent()) {
                Date sent = message.getSentDate();
                Instant when = sent != null ? sent.toInstant() : clock.instant();
                index.index(TriageFactory.record(recipient, messageId, result.invitation().get(), result,
                    new ReplyOutcome(ReplyOutcome.NONE, "backfill"), when));
                counts.indexed++;
            }
        } catch (Exception e) {
            counts.failed++;
            progress.note("skipped " + raw.origin() + ": " + e.getMessage());
        } finally {
            progress.step();
        }
    }

    private static List<Raw> readMbox(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        List<byte[]> messages = ClassifyCommand.Mbox.isMbox(bytes) ? ClassifyCommand.Mbox.split(bytes) : List.of(bytes);
        List<Raw> raws = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            raws.add(new Raw(file + "#" + (i + 1), messages.get(i)));
        }
        return raws;
    }

    private static List<Raw> readMaildir(Path dir) throws Exception {
        List<Raw> raws = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            Path folder = dir.resolve(sub);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    raws.add(new Raw(file.toString(), Files.readAllBytes(file)));
                }
            }
        }
        if (raws.isEmpty() && !Files.isDirectory(dir.resolve("cur")) && !Files.isDirectory(dir.resolve("new"))) {
            throw new CommandLine.ParameterException(new CommandLine(new BackfillCommand()),
                "--maildir: expected a Maildir with cur/ and new/, found " + dir);
        }
        return raws;
    }

    private void readImap(Consumer<Raw> sink, Progress progress) throws Exception {
        URLName url = new URLName(source.imap);
        Store store = Session.getInstance(new Properties()).getStore(url);
        store.connect();
        try {
            for (String name : folders) {
                Folder folder = store.getFolder(name);
                folder.open(Folder.READ_ONLY);
                try {
                    progress.total(progress.total + folder.getMessageCount());
                    for (Message message : folder.getMessages()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        message.writeTo(bytes);
                        sink.accept(new Raw(name + "#" + message.getMessageNumber(), bytes.toByteArray()));
                    }
                } finally {
                    folder.close(false);
                }
            }
        } finally {
            store.close();
        }
    }

    /** A one-line progress bar on stderr: count, rate and ETA. */
    static final class Progress {
        private final PrintWriter err;
        private final boolean quiet;
        private final Clock clock;
        private final Instant start;
        private long total;
        private long done;
        private Instant lastPrint = Instant.EPOCH;

        Progress(PrintWriter err, boolean quiet, Clock clock) {
            this.err = err;
            this.quiet = quiet;
            this.clock = clock;
            this.start = clock.instant();
        }

        void total(long total) {
            this.total = total;
        }

        void step() {
            done++;
            Instant now = clock.instant();
            if (!quiet && (Duration.between(lastPrint, now).toMillis() >= 200 || done == total)) {
                lastPrint = now;
                err.print("\r" + line(now));
                err.flush();
            }
        }

        String line(Instant now) {
            double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
            double rate = done / seconds;
            long left = Math.max(0, total - done);
            long eta = rate > 0 ? Math.round(left / rate) : 0;
            int width = 30;
            int filled = total > 0 ? (int) Math.min(width, done * width / total) : 0;
            return String.format(Locale.ROOT, "[%s%s] %d/%d  %.0f msg/s  ETA %02d:%02d",
                "#".repeat(filled), ".".repeat(width - filled), done, total, rate, eta / 60, eta % 60);
        }

        void note(String message) {
            if (!quiet) {
                err.println();
            }
            err.println(message);
            err.flush();
        }

        void done() {
            if (!quiet && done > 0) {
                err.println();
                err.flush();
            }
        }
    }
}
