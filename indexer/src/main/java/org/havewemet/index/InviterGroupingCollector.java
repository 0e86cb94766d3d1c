package org.havewemet.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Groups matching invitations by inviter key: count, first and last received time, and the document of the most
 * recent one (whose stored fields describe the person). Computed at query time from the invitations themselves, so
 * re-indexing, erasing and purging can never leave a stale aggregate behind.
 *
 * <p>Within a segment, groups are found by ordinal through a small open-addressing table (no boxing, no allocation per
 * document, nothing sized by the whole segment); keys are decoded to strings once per group and segment.
 */
final class InviterGroupingCollector extends SimpleCollector {
    /** Running aggregate of one inviter; {@code lastDoc} is a top-level doc id. */
    static final class Group {
        long count;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int lastDoc = -1;
    }

    /** One collector per slice of the index, their groups merged: inviter key to group. */
    static CollectorManager<InviterGroupingCollector, Map<String, Group>> manager() {
        return new CollectorManager<>() {
            @Override
            public InviterGroupingCollector newCollector() {
                return new InviterGroupingCollector();
            }

            @Override
            public Map<String, Group> reduce(Collection<InviterGroupingCollector> collectors) throws IOException {
                Map<String, Group> all = new HashMap<>();
                for (InviterGroupingCollector c : collectors) {
                    c.groups().forEach((key, group) -> all.merge(key, group, InviterGroupingCollector::combine));
                }
                return all;
            }
        };
    }

    private final Map<String, Group> groups = new HashMap<>();
    private final OrdinalGroups segmentGroups = new OrdinalGroups();
    /** One key per invitation (sorted-set doc values of one value; sorted ones before schema 3 read the same way). */
    private SortedSetDocValues keys;
    /** One date per invitation (sorted-numeric doc values of one value; numeric ones before schema 3). */
    private SortedNumericDocValues received;
    private int docBase;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flushSegment();
        keys = DocValues.getSortedSet(context.reader(), InvitationSchema.INVITER_KEY);
        received = DocValues.getSortedNumeric(context.reader(), InvitationSchema.RECEIVED_AT);
        docBase = context.docBase;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!keys.advanceExact(doc)) {
            return;
        }
        long at = received.advanceExact(doc) ? received.nextValue() : 0L;
        Group g = segmentGroups.get((int) keys.nextOrd());
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
        for (int i = 0; i < segmentGroups.size; i++) {
            groups.merge(keys.lookupOrd(segmentGroups.ords[i]).utf8ToString(), segmentGroups.groups[i],
                    InviterGroupingCollector::combine);
        }
        segmentGroups.clear();
    }

    /** Adds {@code b} (a later segment's or slice's group of the same inviter) into {@code a}. */
    private static Group combine(Group a, Group b) {
        a.count += b.count;
        a.first = Math.min(a.first, b.first);
        if (b.last >= a.last) {
            a.last = b.last;
            a.lastDoc = b.lastDoc;
        }
        return a;
    }

    /** Ordinal to group of one segment, in order of first appearance. */
    private static final class OrdinalGroups {
        private int[] table = newTable(64);
        private int[] ords = new int[16];
        private Group[] groups = new Group[16];
        private int size;

        Group get(int ord) {
            int mask = table.length - 1;
            int slot = mix(ord) & mask;
            while (table[slot] != 0) {
                int index = table[slot] - 1;
                if (ords[index] == ord) {
                    return groups[index];
                }
                slot = (slot + 1) & mask;
            }
            if (size == ords.length) {
                ords = Arrays.copyOf(ords, size * 2);
                groups = Arrays.copyOf(groups, size * 2);
            }
            Group g = new Group();
            ords[size] = ord;
            groups[size] = g;
            table[slot] = ++size;
            if (size * 2 > table.length) {
                rehash(table.length * 2);
            }
            return g;
        }

        void clear() {
            if (size > 0) {
                Arrays.fill(groups, 0, size, null);
                size = 0;
                table = newTable(64);
            }
        }

        private void rehash(int capacity) {
            table = newTable(capacity);
            int mask = capacity - 1;
            for (int i = 0; i < size; i++) {
                int slot = mix(ords[i]) & mask;
                while (table[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = i + 1;
            }
        }

        private static int[] newTable(int capacity) {
            return new int[capacity];
        }

        private static int mix(int ord) {
            return ord * 0x9E3779B9;
        }
    }
}
