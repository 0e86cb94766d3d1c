package org.havewemet.mailet;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One user's online naive Bayes over {@link NoteFeatures}: what this user calls an explained invitation (moved to
 * the priority folder) and what not (moved to the unexplained folder or Spam). Bernoulli-style counts with add-one
 * smoothing; {@link #weight} is the log-odds of "explained", clipped to {@code ±MAX_WEIGHT} so that a user's model
 * can tilt a verdict but never outweigh what triage found (spoofing is never learned away: see {@link Corrections}).
 */
final class UserModel {
    /** The bound of the model's influence (the judge's personal threshold is 1.5). */
    static final double MAX_WEIGHT = 2.0;

    /** How often a feature was seen with each label; the map is the persisted form. */
    final Map<String, int[]> counts;
    final int[] totals;

    UserModel() {
        this(new HashMap<>(), new int[2]);
    }

    UserModel(Map<String, int[]> counts, int[] totals) {
        this.counts = counts;
        this.totals = totals;
    }

    /** Learns one correction: {@code explained} true for a move to priority. */
    void learn(Set<String> features, boolean explained) {
        int label = explained ? 1 : 0;
        totals[label]++;
        for (String feature : features) {
            counts.computeIfAbsent(feature, f -> new int[2])[label]++;
        }
    }

    /** Forgets one correction learned earlier (the user moved the invitation back). */
    void unlearn(Set<String> features, boolean explained) {
        int label = explained ? 1 : 0;
        if (totals[label] == 0) {
            return;
        }
        totals[label]--;
        for (String feature : features) {
            int[] c = counts.get(feature);
            if (c != null && c[label] > 0) {
                c[label]--;
                if (c[0] == 0 && c[1] == 0) {
                    counts.remove(feature);
                }
            }
        }
    }

    int corrections() {
        return totals[0] + totals[1];
    }

    /** Log-odds that the user calls an invitation with these features explained, within ±MAX_WEIGHT. */
    double weight(Set<String> features) {
        double explained = totals[1] + 1.0;
        double unexplained = totals[0] + 1.0;
        double score = Math.log(explained / unexplained);
        for (String feature : features) {
            int[] c = counts.get(feature);
            if (c == null) {
                continue;
            }
            // P(feature | label) with add-one smoothing over "present / absent".
            score += Math.log((c[1] + 1.0) / (totals[1] + 2.0)) - Math.log((c[0] + 1.0) / (totals[0] + 2.0));
        }
        return Math.max(-MAX_WEIGHT, Math.min(MAX_WEIGHT, score));
    }
}
