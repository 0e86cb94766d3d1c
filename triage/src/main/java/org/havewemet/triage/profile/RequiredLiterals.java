package org.havewemet.triage.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;

/**
 * Finds, at compile time, literals that any match of an RE2 pattern must contain: a set of lower-case ASCII strings
 * of which at least one occurs (case-folded, see {@link LiteralFolding#fold}) in every text the pattern can match. A plain
 * {@code indexOf} over the folded text then rules most patterns out without running RE2/J, which is where triage
 * spent most of its time.
 *
 * <p>The analysis is deliberately conservative: whatever it does not understand (non-ASCII letters, escapes it
 * does not know, {@code \Q..\E}, odd repetition syntax) counts as "any text", and a pattern without a usable literal
 * simply has no prefilter. Only necessary conditions are derived, so a prefilter can never reject a text that the
 * pattern would match.
 */
final class RequiredLiterals {
    private static final Pattern COMMA = Pattern.compile(",");
    private final String s;
    private int i;
    /** Group nesting at i; the top level's parts are each required when the pattern has no top-level '|'. */
    private int depth;
    private int topBranches;
    private final List<Set<String>> topParts = new ArrayList<>();

    private RequiredLiterals(String pattern) {
        this.s = pattern;
    }

    /**
     * The literals of which one must occur in any match of {@code pattern} (matched case-insensitively), or
     * {@code null} when no such set could be derived.
     */
    static String[] of(String pattern) {
        try {
            RequiredLiterals parser = new RequiredLiterals(pattern);
            Set<String> found = parser.alternation();
            if (parser.i != pattern.length() || found == null || found.isEmpty()) {
                return null;
            }
            return found.toArray(String[]::new);
        } catch (Unsupported | RuntimeException e) {
            return null;
        }
    }

    /**
     * Every literal set that a match must satisfy (one literal of each set occurs), the most selective first, or
     * {@code null} when none could be derived. A pattern that is one sequence at its top level ("\\b(verify|confirm)
     * (your|the) (account|password)") requires each of its parts, not only the best one {@link #of} names; with a
     * top-level alternation only {@link #of}'s set is known.
     */
    static String[][] all(String pattern) {
        String[] best = of(pattern);
        if (best == null) {
            return null;
        }
        RequiredLiterals parser = new RequiredLiterals(pattern);
        try {
            parser.alternation();
        } catch (Unsupported | RuntimeException e) {
            return new String[][] {best};
        }
        if (parser.topBranches != 1 || parser.topParts.size() < 2) {
            return new String[][] {best};
        }
        Set<Set<String>> parts = new LinkedHashSet<>();
        parts.add(Set.of(best));
        parts.addAll(parser.topParts);
        return parts.stream().map(part -> part.toArray(String[]::new)).toArray(String[][]::new);
    }

    /** Alternatives up to a closing parenthesis or the end: one of the branches' literal sets must occur. */
    private Set<String> alternation() throws Unsupported {
        Set<String> union = new LinkedHashSet<>();
        boolean known = true;
        if (depth == 0) {
            topBranches = 0;
            topParts.clear();
        }
        while (true) {
            if (depth == 0) {
                topBranches++;
            }
            Set<String> branch = sequence();
            if (branch == null) {
                known = false;
            } else {
                union.addAll(branch);
            }
            if (i < s.length() && s.charAt(i) == '|') {
                i++;
                continue;
            }
            return known ? union : null;
        }
    }

    /** A concatenation: the best of its required parts (literal runs and required groups). */
    private Set<String> sequence() throws Unsupported {
        List<Set<String>> candidates = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '|' || c == ')') {
                break;
            }
            if (c == '(') {
                flush(run, candidates);
                Set<String> group = group();
                if (group != NO_GROUP) {
                    Repeat r = repeat();
                    if (r == Repeat.ONCE || r == Repeat.AT_LEAST_ONCE) {
                        if (group != null) {
                            candidates.add(group);
                        }
                    }
                }
                continue;
            }
            int literal = literal();
            if (literal >= 0) {
                Repeat r = repeat();
                if (r == Repeat.ONCE) {
                    run.append((char) literal);
                } else if (r == Repeat.AT_LEAST_ONCE) {
                    run.append((char) literal);
                    flush(run, candidates);
                } else {
                    flush(run, candidates);
                }
            } else {
                // an atom that matches some unknown text (class, escape, dot, anchor, non-ASCII letter)
                flush(run, candidates);
                repeat();
            }
        }
        flush(run, candidates);
        if (depth == 0) {
            candidates.stream().filter(c -> c.stream().mapToInt(String::length).min().orElse(0) > 0).forEach(topParts::add);
        }
        Set<String> best = null;
        int bestScore = -1;
        for (Set<String> c : candidates) {
            int shortest = c.stream().mapToInt(String::length).min().orElse(0);
            int score = shortest * 64 - Math.min(c.size(), 63);
            if (shortest > 0 && score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static void flush(StringBuilder run, List<Set<String>> candidates) {
        if (run.length() > 0) {
            candidates.add(Set.of(run.toString()));
            run.setLength(0);
        }
    }

    private static final Set<String> NO_GROUP = Set.of();

    /** A parenthesised group at i: its literal set, null when unknown, or NO_GROUP for a bare flag setting. */
    private Set<String> group() throws Unsupported {
        i++; // (
        if (i < s.length() && s.charAt(i) == '?') {
            i++;
            if (s.startsWith("P<", i) || (s.charAt(i) == '<' && s.charAt(i + 1) != '=' && s.charAt(i + 1) != '!')) {
                int close = s.indexOf('>', i);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 1;
            } else {
                while (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '-')) {
                    i++;
                }
                if (i >= s.length()) {
                    throw new Unsupported();
                }
                if (s.charAt(i) == ')') {
                    i++;
                    return NO_GROUP; // (?i) and the like: flags only; case-sensitivity only narrows matches
                }
                if (s.charAt(i) != ':') {
                    throw new Unsupported();
                }
                i++;
            }
        }
        depth++;
        Set<String> inner = alternation();
        depth--;
        if (i >= s.length() || s.charAt(i) != ')') {
            throw new Unsupported();
        }
        i++;
        return inner;
    }

    /**
     * The literal ASCII character at i (lower-cased) and advance past it, or -1 after advancing past a non-literal
     * atom other than a group.
     */
    private int literal() throws Unsupported {
        char c = s.charAt(i);
        if (c == '\\') {
            if (i + 1 >= s.length()) {
                throw new Unsupported();
            }
            char e = s.charAt(i + 1);
            if ("\\.-/*+?()[]{}|^$ '\"#&~,:;=<>!@%`_".indexOf(e) >= 0) {
                i += 2;
                return e;
            }
            if (e == 'p' || e == 'P') {
                i += 2;
                if (i < s.length() && s.charAt(i) == '{') {
                    int close = s.indexOf('}', i);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    i = close + 1;
                } else {
                    i++;
                }
                return -1;
            }
            if ("bBAzdDsSwWtnrf".indexOf(e) >= 0) {
                i += 2;
                return -1;
            }
            throw new Unsupported(); // \Q, \x, octal, ...: not worth understanding
        }
        if (c == '[') {
            skipClass();
            return -1;
        }
        if (c == '.' || c == '^' || c == '$') {
            i++;
            return -1;
        }
        if (c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == ']') {
            throw new Unsupported();
        }
        i++;
        if (c < 0x80 && c >= 0x20) {
            return Character.toLowerCase(c);
        }
        // Cyrillic and accented Latin: RE2's case folding is plain lower-casing there, and LiteralFolding.fold
        // lower-cases the text alike; CJK, kana, Hangul, Arabic, Hebrew, Thai, Devanagari and symbols have no case.
        return LiteralFolding.isFoldable(c) ? LiteralFolding.foldChar(c) : -1;
    }

    private void skipClass() throws Unsupported {
        i++; // [
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
        }
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == ':') {
                int close = s.indexOf(":]", i + 2);
                if (close < 0) {
                    throw new Unsupported();
                }
                i = close + 2;
            } else if (c == ']') {
                i++;
                return;
            } else {
                i++;
            }
        }
        throw new Unsupported();
    }

    private enum Repeat { ONCE, AT_LEAST_ONCE, MAYBE_NONE }

    /** Consumes a repetition operator after an atom, if any, and says how often the atom must occur. */
    private Repeat repeat() throws Unsupported {
        if (i >= s.length()) {
            return Repeat.ONCE;
        }
        char c = s.charAt(i);
        Repeat r;
        if (c == '?' || c == '*') {
            i++;
            r = Repeat.MAYBE_NONE;
        } else if (c == '+') {
            i++;
            r = Repeat.AT_LEAST_ONCE;
        } else if (c == '{') {
            int close = s.indexOf('}', i);
            if (close < 0) {
                throw new Unsupported();
            }
            String body = s.substring(i + 1, close);
            if (!isRepeatCount(body)) {
                throw new Unsupported();
            }
            int min = Integer.parseInt(COMMA.split(body, -1)[0]);
            i = close + 1;
            r = min == 0 ? Repeat.MAYBE_NONE : Repeat.AT_LEAST_ONCE;
        } else {
            return Repeat.ONCE;
        }
        if (i < s.length() && s.charAt(i) == '?') {
            i++; // lazy
        }
        if (i < s.length() && (s.charAt(i) == '*' || s.charAt(i) == '+' || s.charAt(i) == '?' || s.charAt(i) == '{')) {
            throw new Unsupported();
        }
        return r;
    }

    /** "3", "2,", "1,5": digits, then optionally a comma and digits. */
    private static boolean isRepeatCount(String body) {
        int comma = body.indexOf(',');
        String min = comma < 0 ? body : body.substring(0, comma);
        String max = comma < 0 ? "" : body.substring(comma + 1);
        return !min.isEmpty() && min.chars().allMatch(Character::isDigit) && max.chars().allMatch(Character::isDigit);
    }

    /** Syntax the analysis does not handle; the pattern then gets no prefilter. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }
}
