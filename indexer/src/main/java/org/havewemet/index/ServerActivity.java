package org.havewemet.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;

/**
 * The server-wide reads behind the admin dashboard ({@link InvitationIndex#activity}, {@link InvitationIndex#latest}):
 * every user's invitations, unlike the user-scoped searches. Reads a few stored fields per invitation of the window:
 * meant for an admin looking at a page, not for every mail.
 */
final class ServerActivity {
    static final String NO_NOTE = "none";
    private static final Set<String> FIELDS = Set.of(InvitationSchema.VERDICT, InvitationSchema.PLATFORM,
        InvitationSchema.NOTE_LANGUAGE, InvitationSchema.RECEIVED_AT);

    private ServerActivity() {
    }

    static ActivityCounts count(IndexSearcher searcher, InvitationSchema schema, Instant from) throws IOException {
        return searcher.search(since(schema, from), new CollectorManager<Counter, ActivityCounts>() {
            @Override
            public Counter newCollector() {
                return new Counter();
            }

            @Override
            public ActivityCounts reduce(Collection<Counter> counters) {
                long total = 0;
                SortedMap<LocalDate, Map<String, Long>> daily = new TreeMap<>();
                Map<String, Long> platforms = new HashMap<>();
                Map<String, Long> languages = new HashMap<>();
                for (Counter c : counters) {
                    total += c.total;
                    c.daily.forEach((day, verdicts) -> verdicts.forEach((verdict, n) ->
                        daily.computeIfAbsent(day, d -> new HashMap<>()).merge(verdict, n, Long::sum)));
                    c.platforms.forEach((k, n) -> platforms.merge(k, n, Long::sum));
                    c.languages.forEach((k, n) -> languages.merge(k, n, Long::sum));
                }
                return new ActivityCounts(total, daily, platforms, languages);
            }
        });
    }

    /** The newest {@code limit} invitations of every user. */
    static List<InvitationRecord> latest(IndexSearcher searcher, InvitationSchema schema, int limit)
            throws IOException {
        ScoreDoc[] docs = searcher.search(schema.typeFilter(InvitationSchema.TYPE_INVITATION), limit,
            new Sort(InvitationSchema.newestFirst())).scoreDocs;
        StoredFields fields = searcher.storedFields();
        List<InvitationRecord> out = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            out.add(schema.toRecord(fields.document(doc.doc)));
        }
        return out;
    }

    private static Query since(InvitationSchema schema, Instant from) {
        return new BooleanQuery.Builder()
            .add(schema.typeFilter(InvitationSchema.TYPE_INVITATION), Occur.FILTER)
            .add(schema.receivedBetween(from, null), Occur.FILTER)
            .build();
    }

    /** The counts of one slice of the index. */
    private static final class Counter extends SimpleCollector {
        private final Map<LocalDate, Map<String, Long>> daily = new HashMap<>();
        private final Map<String, Long> platforms = new HashMap<>();
        private final Map<String, Long> languages = new HashMap<>();
        private long total;
        private StoredFields fields;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            fields = context.reader().storedFields();
        }

        @Override
        public void collect(int doc) throws IOException {
            Document stored = fields.document(doc, FIELDS);
            total++;
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(
                stored.getField(InvitationSchema.RECEIVED_AT).numericValue().longValue()), ZoneOffset.UTC);
            daily.computeIfAbsent(day, d -> new HashMap<>()).merge(orUnknown(stored.get(InvitationSchema.VERDICT)),
                1L, Long::sum);
            platforms.merge(orUnknown(stored.get(InvitationSchema.PLATFORM)), 1L, Long::sum);
            String language = stored.get(InvitationSchema.NOTE_LANGUAGE);
            languages.merge(language == null || language.isBlank() ? NO_NOTE : language, 1L, Long::sum);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        private static String orUnknown(String value) {
            return value == null || value.isBlank() ? "unknown" : value;
        }
    }
}
