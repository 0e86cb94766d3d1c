package org.havewemet.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every match per value of some sorted-set doc-values fields (verdict, platform, month; one value each per
 * invitation). Counts are kept per segment ordinal and turned into strings once per segment, so a match costs an
 * array increment. Sorted (single-valued) doc values of an index written before schema 3 read the same way.
 */
final class FacetCountingCollector extends SimpleCollector {
    private final List<String> fields;
    private final List<Map<String, Long>> totals;
    private SortedSetDocValues[] values;
    private int[][] counts;
    private long matches;

    FacetCountingCollector(List<String> fields) {
        this.fields = fields;
        this.totals = fields.stream().map(f -> (Map<String, Long>) new HashMap<String, Long>()).toList();
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        values = new SortedSetDocValues[fields.size()];
        counts = new int[fields.size()][];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
            counts[i] = new int[Math.toIntExact(values[i].getValueCount())];
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        matches++;
        for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
                for (int k = values[i].docValueCount(); k > 0; k--) {
                    counts[i][(int) values[i].nextOrd()]++;
                }
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    long matches() {
        return matches;
    }

    /** Counts of field number {@code i}, complete once the search is over. */
    Map<String, Long> counts(int i) throws IOException {
        flush();
        return totals.get(i);
    }

    private void flush() throws IOException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            for (int ord = 0; ord < counts[i].length; ord++) {
                if (counts[i][ord] > 0) {
                    totals.get(i).merge(values[i].lookupOrd(ord).utf8ToString(), (long) counts[i][ord], Long::sum);
                }
            }
        }
        values = null;
    }
}
