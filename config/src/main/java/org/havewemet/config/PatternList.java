package org.havewemet.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A list of admin regular expressions compiled with RE2/J (linear time, no catastrophic backtracking). Matching is
 * case-insensitive and finds the pattern anywhere in the text; anchor with {@code ^...$} to match a whole address.
 */
public final class PatternList {
    private static final PatternList EMPTY = new PatternList(List.of());

    private final List<String> sources;
    private final List<Pattern> compiled;

    private PatternList(List<String> sources) {
        this.sources = List.copyOf(sources);
        this.compiled = this.sources.stream().map(s -> Pattern.compile(s, Pattern.CASE_INSENSITIVE)).toList();
    }

    /**
     * Compiles every pattern.
     *
     * @throws PatternSyntaxException for the first invalid one (the loader validates each beforehand to report all)
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PatternList of(List<String> sources) {
        return sources == null || sources.isEmpty() ? EMPTY : new PatternList(sources);
    }

    public static PatternList empty() {
        return EMPTY;
    }

    /** True when any pattern is found in {@code text}; false for null text. */
    public boolean matches(String text) {
        if (text == null) {
            return false;
        }
        for (Pattern pattern : compiled) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** The patterns as the admin wrote them. */
    @JsonValue
    public List<String> sources() {
        return sources;
    }

    public boolean isEmpty() {
        return sources.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PatternList list && list.sources.equals(sources);
    }

    @Override
    public int hashCode() {
        return sources.hashCode();
    }

    @Override
    public String toString() {
        return sources.toString();
    }
}
