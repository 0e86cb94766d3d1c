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

    public static List<Pattern> compile(String where, List<String> patterns) {
        return patterns.stream().map(p -> compile(where, p)).toList();
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
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
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
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
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
