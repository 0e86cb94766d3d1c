package org.havewemet.index;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total     how many invitations match (all pages)
 * @param hits      the requested page
 * @param verdicts  verdict value to number of matches, over all matches
 * @param platforms platform to number of matches, over all matches
 * @param months    received month (yyyy-MM, UTC) to number of matches, over all matches
 */
public record SearchResult(long total,
                           List<SearchHit> hits,
                           Map<String, Long> verdicts,
                           Map<String, Long> platforms,
                           Map<String, Long> months) {
    public SearchResult {
        hits = List.copyOf(hits);
        verdicts = Map.copyOf(verdicts);
        platforms = Map.copyOf(platforms);
        months = Map.copyOf(months);
    }
}
