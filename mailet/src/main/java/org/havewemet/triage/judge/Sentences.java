package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a note into sentences (line breaks, . ! and full-width stops; '?' only before a capital). */
public final class Sentences {
    private static final Pattern SPLIT = Pattern.compile("(?<=[.!。！？])\\s+|(?<=\\?)\\s+(?=\\p{Lu})|\\n+|(?<=[。！？])");

    private Sentences() {
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SPLIT.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
