package org.havewemet.bench;

import java.util.Locale;

/**
 * One side of the SMTP benchmark alone, for profiling (start the JVM with {@code -XX:StartFlightRecording=...}):
 * <pre>
 *   java -Dhavewemet.repo=$PWD -cp bench/target/benchmarks.jar org.havewemet.bench.SmtpProfile \
 *        [invitations|mix] [with|without] [messages] [rounds]
 * </pre>
 */
public final class SmtpProfile {
    private SmtpProfile() {
    }

    public static void main(String[] args) throws Exception {
        String corpus = args.length > 0 ? args[0] : "invitations";
        boolean with = args.length <= 1 || args[1].equals("with");
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        BenchMessages fixtures = BenchMessages.load(BenchMessages.repoRoot());
        SmtpThroughput bench = corpus.equals("mix")
                ? new SmtpThroughput(RealisticMix.corpus(fixtures, RealisticMix.SIZE), "mix", count, 4, 1)
                : new SmtpThroughput(fixtures, count, 4, 1);
        for (int r = 0; r < rounds; r++) {
            double rate = bench.measure(with);
            System.out.printf(Locale.ROOT, "%s %s: %.1f msgs/s, %.2f ms CPU/msg, %d drafts%n", corpus,
                    with ? "with" : "without", rate, bench.lastCpuMillisPerMessage, bench.lastDrafts);
        }
        System.exit(0);
    }
}
