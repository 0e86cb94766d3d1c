package org.havewemet.index;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches per second with 1 and with 8 threads searching the same live index at once, outside the default test run:
 * <pre>
 *   mvn -B -q -pl indexer test -Dgroups=benchmark -DexcludedGroups= -Dsurefire.failIfNoSpecifiedTests=false \
 *       -Dtest=ConcurrentSearchBenchmark [-Dbenchmark.concurrent.size=10000] [-Dbenchmark.concurrent.rounds=5]
 *       [-Dbenchmark.concurrent.millis=2000]
 *   cat indexer/target/benchmark/concurrent-search.txt
 * </pre>
 * Every variant runs with 1 thread and with 8 threads, for a fixed time each, over the {@link IndexBenchmark#QUERIES}
 * mix for a random one of 20 users, interleaved round by round; the report gives the median of the rounds and the
 * ratio 8 threads / 1 thread of the same run, which a loaded machine shifts much less than the absolute rates.
 * Before and after in the same run: the same search (parse, then {@link IndexReads#search} on one searcher of the
 * committed index) with the parser as it is and with every parse behind one lock, which is what the former
 * {@code synchronized} parser did; then parsing alone, both ways. Nothing is asserted: timings are reported, never
 * tested.
 */
@Tag("benchmark")
class ConcurrentSearchBenchmark {
    private static final int USERS = 20;
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
        Duration each = Duration.ofMillis(Integer.getInteger("benchmark.concurrent.millis", 2_000));
        int rounds = Integer.getInteger("benchmark.concurrent.rounds", 5);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "havewemet concurrent search benchmark, %,d invitations, %d users, %d cpus, %d interleaved rounds of "
                        + "%d ms per variant and thread count, Java %s, load average at start %.2f%n", size, USERS,
                Runtime.getRuntime().availableProcessors(), rounds, each.toMillis(),
                System.getProperty("java.version"), loadAverage()));
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            for (InvitationRecord r : new InvitationGenerator(42, USERS).next(size)) {
                index.index(r);
            }
            index.commit();
            UserQueryParser parser = new UserQueryParser(new InvitationSchema());
            IndexReads reads = new IndexReads(new InvitationSchema());
            Object lock = new Object();
            try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
                 DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Map<String, Operation> variants = new LinkedHashMap<>();
                variants.put("InvitationIndex.search (limit 20, facets, highlight)",
                        (user, query) -> index.search(user, query, SortOrder.DATE, 20, 0));
                variants.put("parse + search, parser as it is (after)", (user, query) ->
                        reads.search(searcher, user, parser.parse(query, user), SortOrder.DATE, 20, 0));
                variants.put("parse + search, parses behind one lock (before)", (user, query) -> {
                    Query parsed;
                    synchronized (lock) {
                        parsed = parser.parse(query, user);
                    }
                    reads.search(searcher, user, parsed, SortOrder.DATE, 20, 0);
                });
                variants.put("parse only, parser as it is (after)", (user, query) -> parser.parse(query, user));
                variants.put("parse only, behind one lock (before)", (user, query) -> {
                    synchronized (lock) {
                        parser.parse(query, user);
                    }
                });
                Map<String, double[]> rates = measure(variants, each, rounds);
                rates.forEach((name, rate) -> report.append(line(name, rate)));
                report.append(compare(rates, "parse + search"));
                report.append(compare(rates, "parse only"));
            }
        }
        report.append(String.format(Locale.ROOT, "load average at end: %.2f%n", loadAverage()));
        Path out = Path.of("target", "benchmark", "concurrent-search.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * Median operations per second of every variant with 1 and with 8 threads. Every round runs every (variant,
     * thread count) once, in an order rotated from round to round, so that a change of the machine's load hits all
     * variants alike instead of whichever ran at that moment.
     */
    private static Map<String, double[]> measure(Map<String, Operation> variants, Duration each, int rounds)
            throws Exception {
        List<String> names = new ArrayList<>(variants.keySet());
        for (String name : names) { // warm-up
            run(1, each, variants.get(name));
            run(THREADS[1], each, variants.get(name));
        }
        int cells = names.size() * THREADS.length;
        double[][] samples = new double[cells][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < cells; k++) {
                int cell = (k + round * 3) % cells;
                samples[cell][round] = run(THREADS[cell % THREADS.length], each,
                        variants.get(names.get(cell / THREADS.length)));
            }
        }
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (int v = 0; v < names.size(); v++) {
            double[] rate = new double[THREADS.length];
            for (int t = 0; t < THREADS.length; t++) {
                double[] sorted = samples[v * THREADS.length + t].clone();
                Arrays.sort(sorted);
                rate[t] = sorted[rounds / 2];
            }
            medians.put(names.get(v), rate);
        }
        return medians;
    }

    private static String line(String what, double[] rates) {
        return String.format(Locale.ROOT, "%-52s 1 thread %,10.0f /s   8 threads %,10.0f /s   ratio 8/1 %.2fx%n",
                what, rates[0], rates[1], rates[1] / rates[0]);
    }

    private static String compare(Map<String, double[]> rates, String prefix) {
        double[] after = rates.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                && e.getKey().endsWith("(after)")).findFirst().orElseThrow().getValue();
        double[] before = rates.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                && e.getKey().endsWith("(before)")).findFirst().orElseThrow().getValue();
        return String.format(Locale.ROOT, "%-52s 1 thread %.2fx   8 threads %.2fx%n", prefix + ": after / before",
                after[0] / before[0], after[1] / before[1]);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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
