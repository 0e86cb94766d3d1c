package org.havewemet.triage.profile;

import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * RE2/J helpers. Patterns from the YAML are compiled with RE2/J so that no admin-supplied pattern can make the mail
 * flow hang (RE2 matches in linear time).
 */
public final class Rx {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;

    private Rx() {
    }

    /**
     * Compiles a list of patterns. The returned list also knows, per pattern, literals that any match must contain
     * (see {@link RequiredLiterals}), so that {@link #any}, {@link #first} and {@link #group} can skip patterns that
     * cannot match with a cheap {@code indexOf} instead of running RE2/J.
     */
    public static List<Pattern> compile(String where, List<String> patterns) {
        List<Pattern> compiled = patterns.stream().map(p -> compile(where, p)).toList();
        return new PrefilteredPatterns(compiled);
    }

    public static Pattern compile(String where, String pattern) {
        try {
            return Pattern.compile(unicodeBoundaries(pattern), FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern in " + where + ": " + pattern + " (" + e.getMessage() + ")", e);
        }
    }

    private static final String LEADING = "(?:^|[^\\p{L}\\p{N}_])";
    private static final String TRAILING = "(?:$|[^\\p{L}\\p{N}_])";

    /**
     * RE2's {@code \b} knows only ASCII word characters, so "cię\b" or "\bvän" never match. In a pattern with non-ASCII
     * letters each {@code \b} becomes a Unicode-aware boundary: before a word, "start or a non-letter"; after one,
     * "end or a non-letter" (that character is consumed, which only moves where a match ends); before a space it is
     * dropped (the space is the boundary). ASCII-only patterns are left as written.
     */
    static String unicodeBoundaries(String pattern) {
        if (pattern.chars().allMatch(c -> c < 0x80) || !pattern.contains("\\b")) {
            return pattern;
        }
        return alwaysUnicodeBoundaries(pattern);
    }

    /**
     * Like {@link #unicodeBoundaries} but for every pattern, ASCII-only ones too: for callers that ported a
     * java.util.regex pattern compiled with UNICODE_CHARACTER_CLASS, whose {@code \b} saw "noël" as one word.
     */
    public static String alwaysUnicodeBoundaries(String pattern) {
        if (!pattern.contains("\\b")) {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char e = pattern.charAt(i + 1);
                if (e != 'b') {
                    sb.append(c).append(e);
                    i++;
                    continue;
                }
                char next = i + 2 < pattern.length() ? pattern.charAt(i + 2) : '\0';
                char prev = i > 0 ? pattern.charAt(i - 1) : '\0';
                boolean leading = i == 0 || prev == '(' || prev == '|' || prev == ' ' || prev == ':' || prev == '^';
                if (next == ' ') {
                    // "word\b more": the space that follows is the boundary
                } else if (leading) {
                    sb.append(LEADING);
                } else {
                    sb.append(TRAILING);
                }
                i++;
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    public static boolean any(List<Pattern> patterns, CharSequence text) {
        if (text == null) {
            return false;
        }
        IntPredicate mayMatch = prefilter(patterns, text);
        for (int k = 0; k < patterns.size(); k++) {
            if (mayMatch.test(k) && patterns.get(k).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** How many of the patterns match (each prefiltered like {@link #any}). */
    public static int count(List<Pattern> patterns, CharSequence text) {
        if (text == null) {
            return 0;
        }
        IntPredicate mayMatch = prefilter(patterns, text);
        int n = 0;
        for (int k = 0; k < patterns.size(); k++) {
            if (mayMatch.test(k) && patterns.get(k).matcher(text).find()) {
                n++;
            }
        }
        return n;
    }

    /** The first pattern that matches, as its match. */
    public static Optional<Matcher> first(List<Pattern> patterns, CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        IntPredicate mayMatch = prefilter(patterns, text);
        for (int k = 0; k < patterns.size(); k++) {
            if (!mayMatch.test(k)) {
                continue;
            }
            Matcher m = patterns.get(k).matcher(text);
            if (m.find()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The named group of the first pattern that matches and captures a non-blank value. */
    public static Optional<String> group(List<Pattern> patterns, CharSequence text, String group) {
        if (text == null) {
            return Optional.empty();
        }
        IntPredicate mayMatch = prefilter(patterns, text);
        for (int k = 0; k < patterns.size(); k++) {
            if (!mayMatch.test(k)) {
                continue;
            }
            Matcher m = patterns.get(k).matcher(text);
            while (m.find()) {
                String value;
                try {
                    value = m.group(group);
                } catch (IllegalArgumentException noSuchGroup) {
                    break;
                }
                if (value != null && !value.isBlank()) {
                    return Optional.of(value.strip());
                }
            }
        }
        return Optional.empty();
    }

    /** Which patterns can match {@code text} at all: every one, unless the list is prefiltered by literals. */
    private static IntPredicate prefilter(List<Pattern> patterns, CharSequence text) {
        if (!(patterns instanceof PrefilteredPatterns filtered)) {
            return k -> true;
        }
        String folded = filtered.needsFolding() ? Folded.of(text) : null;
        return k -> filtered.mayMatch(k, folded);
    }
}
