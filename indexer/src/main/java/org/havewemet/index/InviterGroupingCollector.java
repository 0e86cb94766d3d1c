package org.havewemet.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Groups matching invitations by inviter key: count, first and last received time, and the document of the most
 * recent one (whose stored fields describe the person). Computed at query time from the invitations themselves, so
 * re-indexing, erasing and purging can never leave a stale aggregate behind.
 */
final class InviterGroupingCollector extends SimpleCollector {
    /** Running aggregate of one inviter; {@code lastDoc} is a top-level doc id. */
    static final class Group {
        long count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int lastDoc = -1;
    }

    private final Map<String, Group> groups = new HashMap<>();
    private SortedDocValues keys;
    private NumericDocValues received;
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        keys = DocValues.getSorted(context.reader(), InvitationSchema.INVITER_KEY);
        received = DocValues.getNumeric(context.reader(), InvitationSchema.RECEIVED_AT);
        docBase = context.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!keys.advanceExact(doc)) {
            return;
        }
        String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
        long at = received.advanceExact(doc) ? received.longValue() : 0L;
        Group g = groups.computeIfAbsent(key, k -> new Group());
        g.count++;
        g.first = Math.min(g.first, at);
        if (at >= g.last) {
            g.last = at;
            g.lastDoc = docBase + doc;
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    Map<String, Group> groups() {
        return groups;
    }
}
