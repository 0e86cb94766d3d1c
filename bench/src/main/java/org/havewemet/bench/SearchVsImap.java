package org.havewemet.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Search vs IMAP SEARCH: the same questions asked of havewemet's invitation index and of stock James 3.8.1 holding
 * the same N mails in a mailbox, over a real IMAP connection. Goal (issues #5, #8): ours at least 100x faster at
 * 100k mails.
 * <pre>
 *   java -Xmx6g -cp bench/target/benchmarks.jar org.havewemet.bench.SearchVsImap [N] [--reps R] [--row FILE]
 * </pre>
 * N defaults to 10000. Both sides get the same mails ({@link InvitationMails}, seed 42). Per question, after a
 * warm-up, R rounds (default 5) each time one IMAP search and 10 index searches, alternating which side goes first;
 * the table gives each side's median (p50), both hit counts and the speed-up (IMAP p50 / ours p50). {@code --row}
 * writes the summary row for {@link RatioReport}'s table.
 */
public final class SearchVsImap {
    private static final long SEED = 42;
    private static final int OURS_PER_ROUND = 10;
    private static final double GOAL = 100;

    private SearchVsImap() {
    }

    /** The summary of one run: speed-ups per question, and the row for the ratio table. */
    record Summary(int mails, double minSpeedup, double medianSpeedup, double oursMedianMs, double imapMedianMs) {
        String[] row() {
            return new String[] {String.format(Locale.ROOT,
                "search vs James IMAP UID SEARCH, p50 per question (%,d mails, %d questions)", mails,
                SearchQuestion.mix().size()),
                String.format(Locale.ROOT, "%.2f ms vs %.0f ms (medians of the p50s)", oursMedianMs, imapMedianMs),
                String.format(Locale.ROOT, "%.0fx faster (min over questions; median %.0fx)", minSpeedup,
                    medianSpeedup),
                ">= 100x faster at 100k",
                mails < 100_000 ? (minSpeedup >= GOAL ? "met at this size" : "missed at this size")
                    : minSpeedup >= GOAL ? "met" : "missed"};
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            int mails = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 10_000;
            Summary s = run(mails, intOption(args, "--reps", 5));
            String row = stringOption(args, "--row");
            if (row != null) {
                Files.writeString(Path.of(row), String.join("\t", s.row()), StandardCharsets.UTF_8);
            }
            System.exit(0); // James leaves non-daemon threads behind even after stop()
        } catch (Exception | Error e) {
            System.out.println("search vs IMAP benchmark failed: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /**
     * Runs the benchmark in a child JVM with its own heap ({@code -Xmx6g}; James keeps the whole mailbox in memory) and
     * the same class path, printing to this process' output; returns the ratio table row, or null if it failed.
     */
    public static String[] forked(int mails, int reps) throws Exception {
        String classPath = System.getProperty("java.class.path");
        Path row = Files.createTempFile("search-vs-imap", ".tsv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx6g", "-cp", classPath, SearchVsImap.class.getName(),
            Integer.toString(mails), "--reps", Integer.toString(reps), "--row", row.toString()).inheritIO().start();
        int exit = p.waitFor();
        String text = Files.readString(row, StandardCharsets.UTF_8);
        Files.deleteIfExists(row);
        return exit == 0 && !text.isBlank() ? text.split("\t") : null;
    }

    /**
     * The ratio-table row of {@code bench/run}: a forked run at {@code mails} ({@code reps} IMAP searches per
     * question), or a row saying it failed.
     */
    public static String[] reportRow(int mails, int reps) throws Exception {
        String[] row = forked(mails, reps);
        return row != null ? row : new String[] {"search vs James IMAP UID SEARCH (" + mails + " mails)",
            "failed, see the output above", "", ">= 100x faster at 100k", "not measured"};
    }

    static Summary run(int n, int reps) throws Exception {
        InvitationMails mails = new InvitationMails(SEED, n);
        Path work = Files.createTempDirectory("search-vs-imap");
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT,
            "Search vs IMAP SEARCH: %,d generated invitation mails (seed %d), max heap %d MiB%n", n, SEED,
            Runtime.getRuntime().maxMemory() >> 20);
        long t0 = System.nanoTime();
        try (InvitationIndexSide ours = InvitationIndexSide.build(mails, work.resolve("index"), threads)) {
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  ours: %,d mails triaged, %,d invitations indexed in %.1f s (%s)%n",
                ours.read(), ours.indexed(), (t1 - t0) / 1e9, Directories.size(work.resolve("index")));
            try (JamesMailboxSide james = JamesMailboxSide.start(mails, work.resolve("james"), threads)) {
                long t2 = System.nanoTime();
                int inbox = james.messageCount();
                System.out.printf(Locale.ROOT, "  James: server started, %,d mails appended in %.1f s; IMAP INBOX holds"
                    + " %,d%n", n, (t2 - t1) / 1e9, inbox);
                if (inbox != n) {
                    throw new IllegalStateException("James holds " + inbox + " messages, expected " + n);
                }
                System.out.printf(Locale.ROOT, "  heap used after GC with both loaded: %d MiB%n", usedHeapMiB());
                return measure(ours, james, n, reps);
            }
        } finally {
            Directories.delete(work);
        }
    }

    private static Summary measure(InvitationIndexSide ours, JamesMailboxSide james, int n, int reps)
        throws Exception {
        List<SearchQuestion> questions = SearchQuestion.mix();
        List<String> lines = new ArrayList<>();
        double[] speedups = new double[questions.size()];
        double[] oursP50 = new double[questions.size()];
        double[] imapP50 = new double[questions.size()];
        for (int q = 0; q < questions.size(); q++) {
            SearchQuestion question = questions.get(q);
            long oursHits = ours.search(question.ours());
            int imapHits = james.search(question.imap());
            for (int w = 0; w < 50; w++) {
                ours.search(question.ours());
            }
            double[] oursMs = new double[reps * OURS_PER_ROUND];
            double[] imapMs = new double[reps];
            for (int r = 0; r < reps; r++) {
                if (r % 2 == 0) {
                    imapMs[r] = timeImap(james, question);
                    timeOurs(ours, question, oursMs, r);
                } else {
                    timeOurs(ours, question, oursMs, r);
                    imapMs[r] = timeImap(james, question);
                }
            }
            oursP50[q] = median(oursMs);
            imapP50[q] = median(imapMs);
            speedups[q] = imapP50[q] / oursP50[q];
            lines.add(String.format(Locale.ROOT, "| %s | `%s` | `%s` | %,d | %,d | %.2f | %.1f | **%.0fx** | %s |",
                question.label(), question.ours().replace("|", "\\|"), question.imapText(), oursHits, imapHits,
                oursP50[q], imapP50[q], speedups[q], question.expectation()));
            System.out.println("  " + lines.get(lines.size() - 1));
        }
        Summary summary = new Summary(n, Arrays.stream(speedups).min().orElse(0), median(speedups), median(oursP50),
            median(imapP50));
        System.out.printf(Locale.ROOT, "%nSearch vs IMAP SEARCH at %,d mails (p50 of %d IMAP searches and %d index"
                + " searches per question; load average %s, nproc %d)%n%n", n, reps, reps * OURS_PER_ROUND,
            loadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.println("| question | havewemet query | IMAP | hits ours | hits IMAP | p50 ours ms | p50 IMAP ms"
            + " | IMAP / ours | expected difference |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nSpeed-up: min %.0fx, median %.0fx (goal >= %.0fx at 100k)%n%n",
            summary.minSpeedup(), summary.medianSpeedup(), GOAL);
        return summary;
    }

    private static double timeImap(JamesMailboxSide james, SearchQuestion q) throws Exception {
        long start = System.nanoTime();
        james.search(q.imap());
        return (System.nanoTime() - start) / 1e6;
    }

    private static void timeOurs(InvitationIndexSide ours, SearchQuestion q, double[] into, int round)
        throws Exception {
        for (int i = 0; i < OURS_PER_ROUND; i++) {
            long start = System.nanoTime();
            ours.search(q.ours());
            into[round * OURS_PER_ROUND + i] = (System.nanoTime() - start) / 1e6;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static long usedHeapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int intOption(String[] args, String name, int fallback) {
        String v = stringOption(args, name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    private static String stringOption(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Sizes and removal of the temporary directories. */
    static final class Directories {
        private Directories() {
        }

        static String size(Path dir) throws IOException {
            try (var files = Files.walk(dir)) {
                long bytes = files.map(Path::toFile).filter(File::isFile).mapToLong(File::length).sum();
                return String.format(Locale.ROOT, "index %.1f MiB on disk", bytes / 1048576.0);
            }
        }

        static void delete(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
