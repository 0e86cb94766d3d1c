package org.havewemet.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.sun.management.OperatingSystemMXBean;

/**
 * Performance harness, outside the default test run. Run with
 * <pre>
 *   mvn -q -B -pl indexer test -Dgroups=benchmark -DexcludedGroups= [-Dbenchmark.sizes=10000,100000,1000000]
 *       [-Dbenchmark.repetitions=1]   (indexing runs per size; default 3 to 10, 1 only to iterate quickly)
 *   cat indexer/target/benchmark/results.txt
 * </pre>
 * For each corpus size it measures: single-thread indexing rate of {@link InvitationIndex#index} against a bare
 * Lucene {@link IndexWriter} adding the same documents (best of 3 to 10 runs each, after a warm-up), also per CPU second
 * of the process (what a loaded machine distorts least); bytes on disk per
 * invitation after close; and search / inviters latency percentiles over a fixed mix of queries, each for a random
 * one of 20 users (so 10k invitations = 500 per user, 100k = 5000 per user), with the p50 of each query; and the Java
 * heap that the open, warmed index holds (used heap after GC with it open, minus before opening it).
 */
@Tag("benchmark")
class IndexBenchmark {
    private static final int USERS = 20;
    private static final int REPETITIONS = 3;
    /** The query mix, also used by {@link ConcurrentSearchBenchmark}. */
    static final List<String> QUERIES = List.of("", "lucene", "recruiter", "from:maria", "\"great talk\"",
            "verdict:personal platform:linkedin", "after:2024-01-01 before:2024-06-01", "meetup OR konferenz",
            "company:acme -verdict:suspicious", "headline:engineer", "müller", "status:replied note:conference");

    @Test
    void benchmark() throws IOException {
        main(new String[0]);
    }

    public static void main(String[] args) throws IOException {
        int[] sizes = Arrays.stream(System.getProperty("benchmark.sizes", "10000,100000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        Path work = Files.createTempDirectory("havewemet-benchmark");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "havewemet index benchmark, Lucene %s, Java %s, %d cpus%n",
                org.apache.lucene.util.Version.LATEST, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors()));
        try {
            List<InvitationRecord> warm = new InvitationGenerator(7, USERS).next(30_000);
            for (int rep = 0; rep < 3; rep++) {
                indexRaw(work.resolve("warm-raw-" + rep), warm);
                indexOurs(work.resolve("warm-ours-" + rep), warm);
            }
            for (int size : sizes) {
                report.append(runSize(work, size));
                System.out.print(report);
            }
        } finally {
            deleteTree(work);
        }
        Path out = Path.of("target", "benchmark", "results.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String runSize(Path work, int size) throws IOException {
        List<InvitationRecord> records = new InvitationGenerator(42, USERS).next(size);
        double raw = 0;
        double ours = 0;
        double rawCpu = 0;
        double oursCpu = 0;
        // Small corpora index in a fraction of a second: more runs so that the best one is not a JIT or GC artefact.
        int repetitions = Integer.getInteger("benchmark.repetitions",
                Math.max(REPETITIONS, Math.min(10, 200_000 / size)));
        for (int rep = 0; rep < repetitions; rep++) {
            if (rep > 0) {
                deleteTree(work.resolve("raw-" + size));
                deleteTree(work.resolve("ours-" + size));
            }
            long cpu = processCpuNanos();
            raw = Math.max(raw, indexRaw(work.resolve("raw-" + size), records));
            long between = processCpuNanos();
            ours = Math.max(ours, indexOurs(work.resolve("ours-" + size), records));
            rawCpu = Math.max(rawCpu, records.size() / ((between - cpu) / 1e9));
            oursCpu = Math.max(oursCpu, records.size() / ((processCpuNanos() - between) / 1e9));
        }
        Path dir = work.resolve("ours-" + size);
        long bytes = sizeOf(dir);
        long rawBytes = sizeOf(work.resolve("raw-" + size));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%n== %,d invitations (%d users) ==%n", size, USERS));
        sb.append(String.format(Locale.ROOT, "indexing: InvitationIndex %,.0f docs/s, raw IndexWriter %,.0f docs/s,"
                + " ratio %.2f (goal >= 0.70)%n", ours, raw, ours / raw));
        sb.append(String.format(Locale.ROOT, "indexing per CPU second of the whole process (merges, reopen, GC"
                + " included; less sensitive to other load): InvitationIndex %,.0f docs, raw IndexWriter %,.0f docs,"
                + " ratio %.2f%n", oursCpu, rawCpu, oursCpu / rawCpu));
        sb.append(String.format(Locale.ROOT, "disk: %,d bytes = %.0f bytes/invitation (goal <= 1024); raw writer %.0f"
                + " bytes/invitation%n", bytes, (double) bytes / size, (double) rawBytes / size));
        long heapBefore = heapUsedAfterGc();
        try (InvitationIndex index = InvitationIndex.open(dir)) {
            Random random = new Random(1);
            for (int i = 0; i < 300; i++) {
                index.search(user(random), QUERIES.get(i % QUERIES.size()), SortOrder.DATE, 20, 0);
            }
            long[] search = new long[2400];
            long totalHits = 0;
            for (int i = 0; i < search.length; i++) {
                String query = QUERIES.get(i % QUERIES.size());
                SortOrder order = i % 2 == 0 ? SortOrder.DATE : SortOrder.RELEVANCE;
                long start = System.nanoTime();
                totalHits += index.search(user(random), query, order, 20, 0).total();
                search[i] = System.nanoTime() - start;
            }
            long heapOpen = heapUsedAfterGc();
            long[] inviters = new long[400];
            for (int i = 0; i < inviters.length; i++) {
                long start = System.nanoTime();
                index.inviters(user(random), i % 2 == 0 ? "" : "verdict:unexplained", 20, 0);
                inviters[i] = System.nanoTime() - start;
            }
            sb.append(String.format(Locale.ROOT, "search (limit 20, facets + highlight, %d queries, mean %d hits):"
                    + " p50 %.2f ms, p99 %.2f ms%n", search.length, totalHits / search.length,
                    percentile(search, 50), percentile(search, 99)));
            sb.append(String.format(Locale.ROOT, "inviters (grouping, %d calls): p50 %.2f ms, p99 %.2f ms%n",
                    inviters.length, percentile(inviters, 50), percentile(inviters, 99)));
            sb.append(String.format(Locale.ROOT, "heap: %,d bytes used after GC with the index open and warmed by the"
                    + " query mix, minus before opening it = %.1f bytes/invitation (before %,d, open %,d)%n",
                    heapOpen - heapBefore, (double) (heapOpen - heapBefore) / size, heapBefore, heapOpen));
            sb.append("search p50 per query (same samples as above; DATE and RELEVANCE alternate with the query list):\n");
            for (int q = 0; q < QUERIES.size(); q++) {
                long[] mine = new long[search.length / QUERIES.size()];
                for (int k = 0; k < mine.length; k++) {
                    mine[k] = search[q + k * QUERIES.size()];
                }
                sb.append(String.format(Locale.ROOT, "  %-40s %-9s p50 %6.2f ms  p99 %6.2f ms%n", "'" + QUERIES.get(q) + "'",
                        q % 2 == 0 ? "DATE" : "RELEVANCE", percentile(mine, 50), percentile(mine, 99)));
            }
            sb.append(String.format(Locale.ROOT, "load average at end: %.2f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        return sb.toString();
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use once collections have stopped freeing anything (several System.gc(), as they are only hints). */
    private static long heapUsedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 2 && used >= previous) {
                return used;
            }
            previous = Math.min(previous, used);
        }
        return previous;
    }

    private static String user(Random random) {
        return "user" + random.nextInt(USERS) + "@example.com";
    }

    /** Bare Lucene baseline: the same documents, added without ids, locks or real-time reopening. */
    private static double indexRaw(Path dir, List<InvitationRecord> records) throws IOException {
        InvitationSchema schema = new InvitationSchema();
        long start = System.nanoTime();
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(schema.analyzer()))) {
            for (InvitationRecord r : records) {
                writer.addDocument(schema.toDocument(r));
            }
            writer.commit();
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double indexOurs(Path dir, List<InvitationRecord> records) throws IOException {
        long start = System.nanoTime();
        try (InvitationIndex index = InvitationIndex.open(dir, Duration.ofSeconds(5))) {
            for (InvitationRecord r : records) {
                index.index(r);
            }
        }
        return records.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
