package org.havewemet.opensearch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.RateLimiter;
import org.havewemet.reply.RateLimits;
import org.havewemet.reply.ReplyLedger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency of what a reply waits for, embedded against OpenSearch, outside the default test run:
 * <pre>
 *   ./mvnw -B -q -pl opensearch -am test -Dgroups=benchmark -DexcludedGroups= -Dtest=ReservationLatencyBenchmark \
 *       -Dsurefire.failIfNoSpecifiedTests=false
 *   cat opensearch/target/benchmark/reservation-latency.txt
 * </pre>
 * Per backend, one thread, after a warm-up: {@code tryReserve} of a new (user, inviter) pair (the reservation a reply
 * waits for), {@code isAnsweredWithin} (what {@code decide} reads) and {@code tryAcquire} of the rate limits.
 */
@Tag("benchmark")
@ExtendWith(OpenSearchNode.class)
class ReservationLatencyBenchmark {
    private static final int WARMUP = 200;
    private static final int RUNS = Integer.getInteger("benchmark.runs", 1000);
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(30);

    @TempDir
    Path dir;

    @Test
    void benchmark() throws IOException {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "reservation latency, %d runs after %d warm-up, one thread, %d cpus, load average %.1f%n", RUNS, WARMUP,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (ReplyLedger embedded = ReplyLedger.open(dir)) {
            measure(report, "embedded  ", embedded, new RateLimiter(clock, Integer.MAX_VALUE, Integer.MAX_VALUE));
        }
        try (OpenSearchStorage storage = OpenSearchNode.storage()) {
            try {
                measure(report, "opensearch", OpenSearchLedger.open(storage),
                        OpenSearchRateLimits.open(storage, clock, 100_000, 100_000));
            } finally {
                storage.deleteAllIndices();
            }
        }
        Path out = Path.of("target/benchmark/reservation-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static void measure(StringBuilder report, String name, LedgerStore ledger, RateLimits limits) {
        long[] reserve = new long[RUNS];
        long[] check = new long[RUNS];
        long[] acquire = new long[RUNS];
        for (int i = -WARMUP; i < RUNS; i++) {
            String inviter = "inviter" + i + "@x.test";
            String user = "user" + Math.floorMod(i, 50) + "@example.org";
            long t0 = System.nanoTime();
            ledger.isAnsweredWithin(user, inviter, T0, PERIOD);
            long t1 = System.nanoTime();
            ledger.tryReserve(user, inviter, T0, PERIOD);
            long t2 = System.nanoTime();
            limits.tryAcquire(user);
            long t3 = System.nanoTime();
            if (i >= 0) {
                check[i] = t1 - t0;
                reserve[i] = t2 - t1;
                acquire[i] = t3 - t2;
            }
        }
        report.append(String.format(Locale.ROOT, "%s tryReserve p50 %s p99 %s | isAnsweredWithin p50 %s p99 %s"
                + " | tryAcquire p50 %s p99 %s%n", name, pct(reserve, 50), pct(reserve, 99), pct(check, 50),
                pct(check, 99), pct(acquire, 50), pct(acquire, 99)));
    }

    private static String pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long value = sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
        return String.format(Locale.ROOT, "%.2f ms", value / 1e6);
    }
}
