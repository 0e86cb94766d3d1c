package org.havewemet.triage.judge;

import org.havewemet.triage.profile.TextFolding;

/**
 * Tolerant text comparison for default sentences and names: accents, case, punctuation and spacing are ignored and
 * '?' (what mail archives leave of a character they could not convert) matches any single character.
 */
public final class Fuzzy {
    private static final int MAX_LEN = 400;

    private Fuzzy() {
    }

    /** Lower case, no accents, letters/digits/'?' separated by single spaces. */
    public static String normalize(String s) {
        return TextFolding.words(s);
    }

    /** True when the normalized texts differ by at most tolerance * their length (edit distance). */
    public static boolean similar(String normalizedA, String normalizedB, double tolerance) {
        if (normalizedA.isEmpty() || normalizedB.isEmpty()) {
            return normalizedA.equals(normalizedB);
        }
        int max = Math.max(normalizedA.length(), normalizedB.length());
        if (max > MAX_LEN) {
            return false;
        }
        int budget = (int) Math.floor(tolerance * max);
        if (Math.abs(normalizedA.length() - normalizedB.length()) > budget) {
            return false;
        }
        return distance(normalizedA, normalizedB, budget) <= budget;
    }

    /** Levenshtein distance with '?' as a wildcard, stopping early once above the budget. */
    static int distance(String a, String b, int budget) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                char cb = b.charAt(j - 1);
                int cost = (ca == cb || ca == '?' || cb == '?') ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > budget) {
                return rowMin;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Plain Levenshtein distance (no wildcard), for short strings such as domain labels. */
    public static int editDistance(String a, String b) {
        return distance(a.replace('?', '\u0000'), b.replace('?', '\u0001'), Integer.MAX_VALUE);
    }
}
