package org.havewemet.index;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * Every user's invitations received in a time window, counted for the admin's dashboard: per UTC day and verdict,
 * per platform and per note language (invitations without a note count under {@code none}).
 *
 * @param invitations invitations in the window
 * @param daily       UTC day to verdict to count; only days that had invitations
 * @param platforms   platform to count
 * @param noteLanguages note language to count
 */
public record ActivityCounts(long invitations, SortedMap<LocalDate, Map<String, Long>> daily,
                             Map<String, Long> platforms, Map<String, Long> noteLanguages) {
}
