package org.havewemet.index;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The server-wide counts behind {@link InvitationIndex#totals()}: every user's invitations by verdict, by reply
 * status, and suppressed replies by reason. Reads three stored fields of every invitation, for occasional admin use.
 */
final class ServerTotals {
    private static final Set<String> FIELDS =
            Set.of(InvitationSchema.VERDICT, InvitationSchema.REPLY_STATUS, InvitationSchema.REPLY_DETAIL);

    private ServerTotals() {
    }

    static Map<String, Map<String, Long>> count(IndexSearcher searcher, InvitationSchema schema) throws IOException {
        return searcher.search(schema.typeFilter(InvitationSchema.TYPE_INVITATION), new CollectorManager<Counter,
                Map<String, Map<String, Long>>>() {
            @Override
            public Counter newCollector() {
                return new Counter();
            }

            @Override
            public Map<String, Map<String, Long>> reduce(Collection<Counter> counters) {
                Map<String, Long> verdicts = new HashMap<>();
                Map<String, Long> statuses = new HashMap<>();
                Map<String, Long> suppressed = new HashMap<>();
                for (Counter c : counters) {
                    c.verdicts.forEach((k, n) -> verdicts.merge(k, n, Long::sum));
                    c.statuses.forEach((k, n) -> statuses.merge(k, n, Long::sum));
                    c.suppressed.forEach((k, n) -> suppressed.merge(k, n, Long::sum));
                }
                return Map.of("verdict", Map.copyOf(verdicts), "replyStatus", Map.copyOf(statuses),
                        "suppressedReason", Map.copyOf(suppressed));
            }
        });
    }

    /** The counts of one slice of the index. */
    private static final class Counter extends SimpleCollector {
        private final Map<String, Long> verdicts = new HashMap<>();
        private final Map<String, Long> statuses = new HashMap<>();
        private final Map<String, Long> suppressed = new HashMap<>();
        private StoredFields fields;

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            fields = context.reader().storedFields();
        }

        @Override
        public void collect(int doc) throws IOException {
            Document stored = fields.document(doc, FIELDS);
            String verdict = stored.get(InvitationSchema.VERDICT);
            String status = stored.get(InvitationSchema.REPLY_STATUS);
            verdicts.merge(verdict == null ? "unknown" : verdict, 1L, Long::sum);
            statuses.merge(status == null ? InvitationRecord.STATUS_NONE : status, 1L, Long::sum);
            String detail = stored.get(InvitationSchema.REPLY_DETAIL);
            if ("suppressed".equals(status)) {
                suppressed.merge(detail == null || detail.isBlank() ? "unknown" : detail, 1L, Long::sum);
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
