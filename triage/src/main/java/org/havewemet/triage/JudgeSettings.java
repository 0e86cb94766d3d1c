package org.havewemet.triage;

import java.util.List;

/**
 * Thresholds of the note judge and the spoof detector. Immutable.
 *
 * @param personalThreshold     a note whose explanation score reaches this is PERSONAL
 * @param suspiciousThreshold   summed spoof weights from this on make the mail SUSPICIOUS
 * @param fewMutualConnections  fewer mutual connections than this is a (weak) stranger signal
 * @param manyConnections       this many connections or more is a (weak) collector signal
 * @param defaultNoteTolerance  how different (edit distance / length) a sentence may be and still be a default note
 * @param maxNoteChars          longer notes are judged on their first maxNoteChars characters
 * @param trustedAuthServIds    authserv-ids whose Authentication-Results we believe (our own MTA); others are ignored
 */
public record JudgeSettings(double personalThreshold,
                            double suspiciousThreshold,
                            int fewMutualConnections,
                            int manyConnections,
                            double defaultNoteTolerance,
                            int maxNoteChars,
                            List<String> trustedAuthServIds) {

    public JudgeSettings {
        trustedAuthServIds = trustedAuthServIds == null ? List.of() : List.copyOf(trustedAuthServIds);
        if (maxNoteChars <= 0) {
            throw new IllegalArgumentException("maxNoteChars must be positive");
        }
    }

    public static JudgeSettings defaults() {
        return new JudgeSettings(1.5, 3.0, 5, 500, 0.15, 2000, List.of());
    }

    public JudgeSettings withTrustedAuthServIds(List<String> ids) {
        return new JudgeSettings(personalThreshold, suspiciousThreshold, fewMutualConnections, manyConnections,
                defaultNoteTolerance, maxNoteChars, ids);
    }
}
