package org.havewemet.triage.profile;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import java.util.List;
import java.util.Optional;

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
            return Pattern.compile(pattern, FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad pattern in " + where + ": " + pattern + " (" + e.getMessage() + ")", e);
        }
    }

    public static boolean any(List<Pattern> patterns, CharSequence text) {
        if (text == null) {
            return false;
        }
        if (patterns instanceof PrefilteredPatterns filtered) {
            String folded = filtered.needsFolding() ? Folded.of(text) : null;
            for (int k = 0; k < filtered.size(); k++) {
                if (filtered.mayMatch(k, folded) && filtered.get(k).matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }
        for (Pattern p : patterns) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first pattern that matches, as its match. */
    public static Optional<Matcher> first(List<Pattern> patterns, CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        PrefilteredPatterns filtered = patterns instanceof PrefilteredPatterns f ? f : null;
        String folded = filtered != null && filtered.needsFolding() ? Folded.of(text) : null;
        for (int k = 0; k < patterns.size(); k++) {
            if (filtered != null && !filtered.mayMatch(k, folded)) {
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
        PrefilteredPatterns filtered = patterns instanceof PrefilteredPatterns f ? f : null;
        String folded = filtered != null && filtered.needsFolding() ? Folded.of(text) : null;
        for (int k = 0; k < patterns.size(); k++) {
            if (filtered != null && !filtered.mayMatch(k, folded)) {
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
}
