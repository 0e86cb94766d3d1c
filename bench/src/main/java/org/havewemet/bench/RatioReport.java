package org.havewemet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Verdict;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command behind {@code bench/run}: measures havewemet side by side with what James ships, in one run, and
 * prints a table of ratios (also written to {@code bench/target/bench-results.md}).
 * <pre>
 *   java -jar bench/target/benchmarks.jar [--long] [--explain] [--no-jmh] [--no-smtp] [--smtp-messages N]
 *       [--no-imap-search] [--imap-mails N]
 * </pre>
 * {@code --long} runs more forks and iterations; {@code --explain} adds the slowest messages of each side;
 * {@code --no-jmh} / {@code --no-smtp} skip a part. Plain JMH stays available:
 * {@code java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main TriageVsSieve}.
 */
public final class RatioReport {
    private RatioReport() {
    }

    public static void main(String[] args) throws Exception {
        try {
            report(args);
            System.exit(0); // James leaves non-daemon threads behind even after stop()
        } catch (Exception | Error e) {
            System.out.println("benchmark failed: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void report(String[] args) throws Exception {
        boolean longRun = List.of(args).contains("--long");
        boolean smtp = !List.of(args).contains("--no-smtp");
        boolean jmhRun = !List.of(args).contains("--no-jmh");
        boolean explain = List.of(args).contains("--explain");
        int smtpMessages = intOption(args, "--smtp-messages", longRun ? 2000 : 300);
        int imapMails = List.of(args).contains("--no-imap-search") ? 0
                : intOption(args, "--imap-mails", longRun ? 100_000 : 10_000);
        Path root = BenchMessages.repoRoot().toAbsolutePath();
        BenchMessages messages = BenchMessages.load(root);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Messages: %d fixtures (%d bytes) from %s%n%n", messages.size(),
                messages.totalBytes(), root));
        out.append(agreement(messages)).append('\n');

        if (explain) {
            out.append(PerMessageCost.slowest(messages, 10, 9)).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        if (jmhRun) {
            Map<String, double[]> jmh = runJmh(root, longRun);
            double[] triage = jmh.get("havewemetTriage");
            double[] sieve = jmh.get("jamesSieve");
            double[] parse = jmh.get("parseOnly");
            rows.add(new String[] {"triage vs James Sieve, µs/message (parse + classify)",
                    fmt(triage) + " vs " + fmt(sieve), ratio(triage[0] / sieve[0]), "<= 0.50x",
                    verdict(triage, sieve, 0.5)});
            rows.add(new String[] {"  same, MimeMessage parse subtracted from both",
                    String.format(Locale.ROOT, "%.1f vs %.1f", triage[0] - parse[0], sieve[0] - parse[0]),
                    ratio((triage[0] - parse[0]) / (sieve[0] - parse[0])), "(info)", ""});
        }
        double[] paired = PerMessageCost.pairedRatio(messages, longRun ? 300 : 100);
        rows.add(new String[] {"triage vs James Sieve, paired back-to-back rounds, median µs/message",
                String.format(Locale.ROOT, "%.1f vs %.1f", paired[3], paired[4]),
                String.format(Locale.ROOT, "%.2fx (p25 %.2fx, p75 %.2fx)", paired[0], paired[1], paired[2]), "<= 0.50x",
                paired[2] <= 0.5 ? "met" : paired[1] > 0.5 ? "missed" : "inconclusive: quartiles straddle the goal"});
        double[] mixCost = PerMessageCost.ordinaryVsInvitation(messages, longRun ? 60 : 20);
        rows.add(new String[] {"triage per message, realistic mix: ordinary mail vs invitations, median µs (parsed)",
                String.format(Locale.ROOT, "%.1f vs %.1f", mixCost[0], mixCost[1]),
                String.format(Locale.ROOT, "%.2fx", mixCost[0] / mixCost[1]), "(info: the gate)", ""});
        if (smtp) {
            SmtpThroughput.Result r = new SmtpThroughput(messages, smtpMessages, 4, longRun ? 3 : 2).run();
            rows.add(new String[] {"James SMTP throughput, with our mailet vs without, msgs/s",
                    String.format(Locale.ROOT, "%.0f vs %.0f", r.withMailet(), r.without()),
                    ratio(r.withMailet() / r.without()), ">= 0.95x", r.withMailet() / r.without() >= 0.95 ? "met" : "missed"});
            rows.add(cpuRow(r));
            SmtpThroughput.Result mix = new SmtpThroughput(RealisticMix.corpus(messages, RealisticMix.SIZE),
                    "mix", smtpMessages, 4, longRun ? 3 : 2).run();
            rows.add(new String[] {"  same, realistic mix (95% ordinary mail 2-50 KB, 5% invitations), msgs/s",
                    String.format(Locale.ROOT, "%.0f vs %.0f", mix.withMailet(), mix.without()),
                    ratio(mix.withMailet() / mix.without()), ">= 0.95x",
                    mix.withMailet() / mix.without() >= 0.95 ? "met" : "missed"});
            rows.add(cpuRow(mix));
        }
        if (imapMails > 0) {
            rows.add(SearchVsImap.reportRow(imapMails, longRun ? 3 : 5)); // own JVM, -Xmx6g: James keeps mail in memory
        }
        out.append(String.format(Locale.ROOT, "Load average when done: %s (nproc %d)%n%n", loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        out.append(table(rows));
        System.out.println();
        System.out.println(out);
        Path file = Path.of("bench", "target", "bench-results.md");
        if (Files.isDirectory(file.getParent())) {
            Files.writeString(file, out);
            System.out.println("written to " + file.toAbsolutePath());
        }
    }

    /** How often the Sieve script files a message where triage's verdict would: the script is only an approximation. */
    static String agreement(BenchMessages messages) {
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        SieveSide sieve = new SieveSide(EquivalentSieveScript.generate());
        int same = 0;
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            Verdict v = triage.triage(messages.parse(i), BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT).verdict();
            String ours = switch (v) {
                case PERSONAL, KNOWN -> EquivalentSieveScript.PRIORITY;
                case UNEXPLAINED -> EquivalentSieveScript.UNEXPLAINED;
                case SUSPICIOUS -> EquivalentSieveScript.SPAM;
                case NOT_INVITATION -> "INBOX";
            };
            String theirs = SieveSide.folder(sieve.service(messages.parse(i)));
            theirs = theirs.startsWith("/") ? theirs.substring(1) : theirs;
            if (ours.equals(theirs)) {
                same++;
            }
            pairs.merge(ours + " <- triage | sieve -> " + theirs, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Sieve script files %d of %d messages where triage does (%.0f%%):%n", same, messages.size(),
                100.0 * same / messages.size()));
        pairs.forEach((k, n) -> b.append(String.format(Locale.ROOT, "  %3d  %s%n", n, k)));
        return b.toString();
    }

    private static Map<String, double[]> runJmh(Path root, boolean longRun) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(TriageVsSieveBenchmark.class.getName() + "\\.")
                .jvmArgsAppend("-Dhavewemet.repo=" + root, "-Xms1g", "-Xmx1g")
                .threads(1)
                .shouldFailOnError(true);
        if (longRun) {
            o.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(10).measurementTime(TimeValue.seconds(2));
        } else {
            o.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        Map<String, double[]> byMethod = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byMethod.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        return byMethod;
    }

    /** Other processes on the machine skew absolute numbers; the ratios are measured side by side to resist that. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * "met" / "missed" only when the whole 99.9% error band of both scores agrees; otherwise the run was too noisy
     * (other load on the machine) to decide, and it says so.
     */
    static String verdict(double[] ours, double[] theirs, double goal) {
        double best = (ours[0] - ours[1]) / (theirs[0] + theirs[1]);
        double worst = (ours[0] + ours[1]) / Math.max(1e-9, theirs[0] - theirs[1]);
        if (theirs[0] - theirs[1] > 0 && worst <= goal) {
            return "met";
        }
        if (best > goal) {
            return "missed";
        }
        return String.format(Locale.ROOT, "inconclusive: error band spans %.2fx..%s", Math.max(0, best),
                theirs[0] - theirs[1] > 0 ? String.format(Locale.ROOT, "%.2fx", worst) : "∞");
    }

    /** CPU per message, inverted so that it reads like the throughput ratio (what a CPU-bound server would do). */
    private static String[] cpuRow(SmtpThroughput.Result r) {
        return new String[] {"  same, process CPU ms/message, with vs without (ratio = without / with)",
                String.format(Locale.ROOT, "%.1f vs %.1f", r.withCpuMillis(), r.withoutCpuMillis()),
                ratio(r.withoutCpuMillis() / r.withCpuMillis()), "(info)", ""};
    }

    private static String fmt(double[] scoreAndError) {
        return String.format(Locale.ROOT, "%.1f ± %.1f", scoreAndError[0], scoreAndError[1]);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String table(List<String[]> rows) {
        StringBuilder b = new StringBuilder("| measure | ours vs theirs | ratio | goal | |\n|---|---|---|---|---|\n");
        for (String[] r : rows) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

}
