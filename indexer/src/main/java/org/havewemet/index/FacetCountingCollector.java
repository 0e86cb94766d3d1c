package org.havewemet.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every match per value of some sorted-set doc-values fields (verdict, platform, month; one value each per
 * invitation). Counts are kept per segment ordinal and turned into strings once per segment, so a match costs an
 * array increment. Sorted (single-valued) doc values of an index written before schema 3 read the same way.
 */
final class FacetCountingCollector extends SimpleCollector {
    /** Every match counted, and per field (in the order asked for) value to number of matches. */
    record Counts(long matches, List<Map<String, Long>> byField) {
    }

    /** One collector per slice of the index, their counts added up. */
    static CollectorManager<FacetCountingCollector, Counts> manager(List<String> fields) {
        return new CollectorManager<>() {
            @Override
            public FacetCountingCollector newCollector() {
                return new FacetCountingCollector(fields);
            }

            @Override
            public Counts reduce(Collection<FacetCountingCollector> collectors) throws IOException {
                long matches = 0;
                List<Map<String, Long>> byField = new ArrayList<>();
                for (int i = 0; i < fields.size(); i++) {
                    byField.add(new HashMap<>());
                }
                for (FacetCountingCollector c : collectors) {
                    matches += c.matches;
                    for (int i = 0; i < fields.size(); i++) {
                        Map<String, Long> into = byField.get(i);
                        c.counts(i).forEach((value, n) -> into.merge(value, n, Long::sum));
                    }
                }
                return new Counts(matches, byField);
            }
        };
    }

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
