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
    /** Groups of the current segment by ordinal: keys are decoded once per segment, not once per document. */
    private final Map<Integer, Group> segmentGroups = new HashMap<>();
    private SortedDocValues keys;
    private NumericDocValues received;
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flushSegment();
        keys = DocValues.getSorted(context.reader(), InvitationSchema.INVITER_KEY);
        received = DocValues.getNumeric(context.reader(), InvitationSchema.RECEIVED_AT);
        docBase = context.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!keys.advanceExact(doc)) {
            return;
        }
        long at = received.advanceExact(doc) ? received.longValue() : 0L;
        Group g = segmentGroups.computeIfAbsent(keys.ordValue(), k -> new Group());
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

    /** The groups, complete once the search is over. */
    Map<String, Group> groups() throws IOException {
        flushSegment();
        return groups;
    }

    private void flushSegment() throws IOException {
        for (Map.Entry<Integer, Group> e : segmentGroups.entrySet()) {
            Group s = e.getValue();
            groups.merge(keys.lookupOrd(e.getKey()).utf8ToString(), s, (a, b) -> {
                a.count += b.count;
                a.first = Math.min(a.first, b.first);
                if (b.last >= a.last) {
                    a.last = b.last;
                    a.lastDoc = b.lastDoc;
                }
                return a;
            });
        }
        segmentGroups.clear();
    }
}
