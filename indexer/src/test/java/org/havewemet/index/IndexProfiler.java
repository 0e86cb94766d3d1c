package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;

/**
 * Developer tool, not a test: per-query, per-phase CPU times (median of 40) of what {@link IndexReads#search} does, on
 * a generated corpus kept in DIR between runs (built with {@link InvitationIndex} when DIR does not exist). Phases:
 * count only, top 20 by date, top 20 by relevance, facets only, top + facets (one pass, as searched), the full search,
 * then parse, score population, highlighting, stored fields, and top 20 with Lucene's hit-skipping allowed.
 * <pre>
 *   mvn -q -B -pl indexer test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 *   java -cp indexer/target/test-classes:indexer/target/classes:$(cat /tmp/cp.txt) \
 *       org.havewemet.index.IndexProfiler /tmp/profile-1m 1000000 [-Dnocache=true before the class: no query cache]
 *   ... IndexProfiler DIR SIZE 'query' date|rel|full   (loops 10 s on one query, for a JFR recording)
 * </pre>
 */
public final class IndexProfiler {
    private static final SortField NEWEST_FIRST = InvitationSchema.newestFirst();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        if (!Files.exists(dir)) {
            long start = System.nanoTime();
            try (InvitationIndex index = InvitationIndex.open(dir)) {
                for (InvitationRecord r : new InvitationGenerator(42, 20).next(size)) {
                    index.index(r);
                }
            }
            System.out.printf("built %d in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
        }
        List<String> queries = List.of("", "lucene", "recruiter", "from:maria", "\"great talk\"",
                "verdict:personal platform:linkedin", "after:2024-01-01 before:2024-06-01", "meetup OR konferenz",
                "company:acme -verdict:suspicious", "headline:engineer", "müller", "status:replied note:conference");
        InvitationSchema schema = new InvitationSchema();
        IndexReads reads = new IndexReads(schema);
        UserQueryParser parser = new UserQueryParser(schema);
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            if (Boolean.getBoolean("nocache")) {
                searcher.setQueryCache(null);
            }
            System.out.printf("segments %d, maxDoc %d%n", reader.leaves().size(), reader.maxDoc());
            String user = "user3@example.com";
            if (args.length > 2) {
                Query query = schema.scoped(user, parser.parse(args[2]));
                Sort sort = args[3].equals("rel") ? new Sort(SortField.FIELD_SCORE, NEWEST_FIRST) : new Sort(NEWEST_FIRST);
                long end = System.nanoTime() + 10_000_000_000L;
                int n = 0;
                while (System.nanoTime() < end) {
                    if (args[3].equals("full")) {
                        full(reads, searcher, "user" + (n % 20) + "@example.com", args[2]);
                    } else {
                        top(searcher, query, sort, false);
                    }
                    n++;
                }
                System.out.println(n + " runs");
                return;
            }
            for (int pass = 0; pass < 2; pass++) {
                System.out.printf("%-40s %8s %8s %8s %8s %8s %8s %8s%n", "query", "hits", "count", "topDate", "topRel",
                        "facets", "top+fac", "full");
                System.out.printf("%-40s %8s %8s %8s %8s %8s %8s%n", "", "parse", "populate", "highlight", "stored",
                        "dateSkip", "relSkip");
                for (String q : queries) {
                    Query query = schema.scoped(user, parser.parse(q, user));
                    long hits = searcher.count(query);
                    double count = time(() -> count(searcher, query));
                    double topDate = time(() -> top(searcher, query, new Sort(NEWEST_FIRST), false));
                    double topRel = time(() -> top(searcher, query, new Sort(SortField.FIELD_SCORE, NEWEST_FIRST), false));
                    double facets = time(() -> facets(searcher, query));
                    double both = time(() -> top(searcher, query, new Sort(NEWEST_FIRST), true));
                    double full = time(() -> full(reads, searcher, user, q));
                    System.out.printf(Locale.ROOT, "%-40s %8d %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f%n", "'" + q + "'",
                            hits, count, topDate, topRel, facets, both, full);
                    org.apache.lucene.search.ScoreDoc[] page = ((org.apache.lucene.search.TopDocs) top(searcher, query,
                            new Sort(NEWEST_FIRST), false)).scoreDocs;
                    double parse = time(() -> parser.parse(q));
                    double populate = time(() -> {
                        TopFieldCollector.populateScores(page, searcher, query);
                        return null;
                    });
                    Query userQuery = parser.parse(q);
                    double highlight = time(() -> highlight(schema, searcher, userQuery, page));
                    double stored = time(() -> {
                        org.apache.lucene.index.StoredFields sf = searcher.storedFields();
                        for (org.apache.lucene.search.ScoreDoc sd : page) {
                            schema.toRecord(sf.document(sd.doc));
                        }
                        return null;
                    });
                    double dateSkip = time(() -> skipping(searcher, query, new Sort(NEWEST_FIRST)));
                    Sort rel = new Sort(SortField.FIELD_SCORE, NEWEST_FIRST);
                    double relSkip = time(() -> skipping(searcher, query, rel));
                    check(q, top(searcher, query, new Sort(NEWEST_FIRST), false), skipping(searcher, query, new Sort(NEWEST_FIRST)));
                    check(q, top(searcher, query, rel, false), skipping(searcher, query, rel));
                    System.out.printf(Locale.ROOT, "%-40s %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f%n", "", parse, populate,
                            highlight, stored, dateSkip, relSkip);
                }
            }
        }
    }

    interface Step {
        Object run() throws IOException;
    }

    static double time(Step step) throws IOException {
        long[] t = new long[40];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < t.length; i++) {
            long s = cpu.getCurrentThreadCpuTime();
            step.run();
            t[i] = cpu.getCurrentThreadCpuTime() - s;
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e6;
    }

    static Object count(IndexSearcher s, Query q) throws IOException {
        return s.count(q);
    }

    static Object top(IndexSearcher s, Query q, Sort sort, boolean withFacets) throws IOException {
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort, 20, null, Integer.MAX_VALUE, true);
        if (withFacets) {
            return s.search(q, new MultiCollectorManager(top, FacetCountingCollector.manager(
                    List.of(InvitationSchema.VERDICT, InvitationSchema.PLATFORM, InvitationSchema.MONTH))))[0];
        }
        return s.search(q, top);
    }

    static Object skipping(IndexSearcher s, Query q, Sort sort) throws IOException {
        return s.search(q, new TopFieldCollectorManager(sort, 20, null, 20, true));
    }

    static void check(String q, Object a, Object b) {
        org.apache.lucene.search.ScoreDoc[] x = ((org.apache.lucene.search.TopDocs) a).scoreDocs;
        org.apache.lucene.search.ScoreDoc[] y = ((org.apache.lucene.search.TopDocs) b).scoreDocs;
        StringBuilder sx = new StringBuilder();
        StringBuilder sy = new StringBuilder();
        for (org.apache.lucene.search.ScoreDoc d : x) sx.append(d.doc).append(',');
        for (org.apache.lucene.search.ScoreDoc d : y) sy.append(d.doc).append(',');
        if (!sx.toString().equals(sy.toString())) System.out.println("MISMATCH " + q + " " + sx + " vs " + sy);
    }

    static Object facets(IndexSearcher s, Query q) throws IOException {
        return s.search(q, FacetCountingCollector.manager(
                List.of(InvitationSchema.VERDICT, InvitationSchema.PLATFORM, InvitationSchema.MONTH))).byField().get(0);
    }

    static Object highlight(InvitationSchema schema, IndexSearcher searcher, Query userQuery,
            org.apache.lucene.search.ScoreDoc[] page) throws IOException {
        org.apache.lucene.search.uhighlight.UnifiedHighlighter h = org.apache.lucene.search.uhighlight.UnifiedHighlighter
                .builder(searcher, schema.analyzer())
                .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("<b>", "</b>", "… ", true))
                .build();
        org.apache.lucene.search.TopDocs docs = new org.apache.lucene.search.TopDocs(
                new org.apache.lucene.search.TotalHits(page.length, org.apache.lucene.search.TotalHits.Relation.EQUAL_TO),
                page);
        return h.highlight(InvitationSchema.NOTE, userQuery, docs, 1);
    }

    static Object full(IndexReads reads, IndexSearcher s, String user, String q) throws IOException {
        return reads.search(s, user, q, SortOrder.DATE, 20, 0);
    }
}
