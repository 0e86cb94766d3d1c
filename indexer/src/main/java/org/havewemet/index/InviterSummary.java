package org.havewemet.index;

import java.time.Instant;

/**
 * Everything one recipient received from one person (grouped by address, else profile link, else normalised name).
 * The descriptive fields come from the most recent invitation.
 */
public record InviterSummary(String recipient,
                             String inviterKey,
                             String name,
                             String email,
                             String headline,
                             String company,
                             String profileUrl,
                             String platform,
                             long count,
                             Instant firstSeen,
                             Instant lastSeen,
                             String lastVerdict) {
}
