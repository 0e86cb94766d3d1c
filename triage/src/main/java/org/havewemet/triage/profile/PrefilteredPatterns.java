package org.havewemet.triage.profile;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

import com.google.re2j.Pattern;

/**
 * An immutable list of compiled patterns that also holds, per pattern, the literal sets any match must satisfy (one
 * literal of each set; null when unknown, see {@link RequiredLiterals#all}). {@link Rx} uses them to skip patterns
 * that cannot match a text.
 */
final class PrefilteredPatterns extends AbstractList<Pattern> implements RandomAccess {
    private final List<Pattern> patterns;
    private final String[][][] required;
    private final boolean anyRequired;

    PrefilteredPatterns(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.required = new String[patterns.size()][][];
        boolean some = false;
        for (int k = 0; k < required.length; k++) {
            required[k] = RequiredLiterals.all(patterns.get(k).pattern());
            some |= required[k] != null;
        }
        this.anyRequired = some;
    }

    @Override
    public Pattern get(int index) {
        return patterns.get(index);
    }

    @Override
    public int size() {
        return patterns.size();
    }

    /** Whether some pattern has literals to check, so that the folded text is worth computing. */
    boolean needsFolding() {
        return anyRequired;
    }

    /** False only when pattern {@code index} certainly cannot match the text whose {@link LiteralFolding#fold} is given. */
    boolean mayMatch(int index, String folded) {
        String[][] sets = required[index];
        if (sets == null) {
            return true;
        }
        for (String[] literals : sets) {
            if (!containsAny(folded, literals)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String folded, String[] literals) {
        for (String literal : literals) {
            if (folded.contains(literal)) {
                return true;
            }
        }
        return false;
    }
}
