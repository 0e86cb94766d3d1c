package org.havewemet.index;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches per second with 1 and with 8 threads searching the same live index at once, outside the default test run:
 * <pre>
 *   mvn -B -q -pl indexer test -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dtest=ConcurrentSearchBenchmark [-Dbenchmark.concurrent.size=10000] [-Dbenchmark.concurrent.seconds=3]
 *   cat indexer/target/benchmark/concurrent-search.txt
 * </pre>
 * Each round measures 1 thread then 8 threads (alternating which goes first), for a fixed time each, over the
 * {@link IndexBenchmark#QUERIES} mix for a random one of 20 users; the report gives the median of the rounds and the
 * ratio 8 threads / 1 thread of the same run, which a loaded machine shifts much less than the absolute rates. The
 * same is measured for parsing alone, with the parser as it is and with every parse behind one lock (what a
 * {@code synchronized} parser costs), in the same run. Nothing is asserted: timings are reported, never tested.
 */
@Tag("benchmark")
class ConcurrentSearchBenchmark {
    private static final int USERS = 20;
    private static final int ROUNDS = 3;
    private static final int[] THREADS = {1, 8};

    @TempDir
    Path dir;

    @FunctionalInterface
    private interface Operation {
        void run(String user, String query) throws Exception;
    }

    @Test
    void benchmark() throws Exception {
        int size = Integer.getInteger("benchmark.concurrent.size", 10_000);
        Duration each = Duration.ofSeconds(Integer.getInteger("benchmark.concurrent.seconds", 3));
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "havewemet concurrent search benchmark, %,d invitations, %d users, %d cpus, %d rounds of %d s per "
                        + "thread count, Java %s%n", size, USERS, Runtime.getRuntime().availableProcessors(), ROUNDS,
                each.toSeconds(), System.getProperty("java.version")));
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            for (InvitationRecord r : new InvitationGenerator(42, USERS).next(size)) {
                index.index(r);
            }
            index.commit();
            report.append(line("search (limit 20, facets + highlight)", measure(each,
                    (user, query) -> index.search(user, query, SortOrder.DATE, 20, 0))));
            UserQueryParser parser = new UserQueryParser(index.schema());
            report.append(line("parse only", measure(each, (user, query) -> parser.parse(query, user))));
            Object lock = new Object();
            report.append(line("parse only, every parse behind one lock", measure(each, (user, query) -> {
                synchronized (lock) {
                    parser.parse(query, user);
                }
            })));
        }
        report.append(String.format(Locale.ROOT, "load average at end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Path out = Path.of("target", "benchmark", "concurrent-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** Median operations per second for 1 and for 8 threads over the rounds. */
    private static double[] measure(Duration each, Operation operation) throws Exception {
        run(1, Duration.ofSeconds(1), operation); // warm-up
        run(THREADS[1], Duration.ofSeconds(1), operation);
        double[][] rates = new double[THREADS.length][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < THREADS.length; k++) {
                int t = round % 2 == 0 ? k : THREADS.length - 1 - k;
                rates[t][round] = run(THREADS[t], each, operation);
            }
        }
        double[] medians = new double[THREADS.length];
        for (int t = 0; t < THREADS.length; t++) {
            Arrays.sort(rates[t]);
            medians[t] = rates[t][ROUNDS / 2];
        }
        return medians;
    }

    private static String line(String what, double[] rates) {
        return String.format(Locale.ROOT, "%-42s 1 thread %,10.0f /s   8 threads %,10.0f /s   ratio 8/1 %.2fx%n",
                what, rates[0], rates[1], rates[1] / rates[0]);
    }

    /** Operations per second of {@code threads} threads looping over the query mix for {@code length}. */
    private static double run(int threads, Duration length, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    start.await();
                    long done = 0;
                    while (!stop.get()) {
                        operation.run("user" + random.nextInt(USERS) + "@example.com",
                                IndexBenchmark.QUERIES.get(random.nextInt(IndexBenchmark.QUERIES.size())));
                        done++;
                    }
                    return done;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            long until = began + length.toNanos();
            for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            stop.set(true);
            long total = 0;
            for (Future<Long> f : counts) {
                total += f.get();
            }
            return total / ((System.nanoTime() - began) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
