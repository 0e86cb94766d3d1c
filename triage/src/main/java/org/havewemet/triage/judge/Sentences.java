package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits a note into sentences (line breaks, . ! and full-width stops; '?' only before a capital). */
public final class Sentences {
    private static final Pattern SPLIT = Pattern.compile("(?<=[.!。！？])\\s+|(?<=\\?)\\s+(?=\\p{Lu})|\\n+|(?<=[。！？])");

    private static final Pattern WRAPPED = Pattern.compile("(?<=[\\p{L}\\p{N},'’-])[ \\t]*\\n[ \\t]*(?=[\\p{Ll}\\p{N}(])");

    private Sentences() {
    }

    /** Joins lines that a mail client wrapped in the middle of a sentence (the next line goes on in lower case). */
    static String unwrap(String text) {
        return WRAPPED.matcher(text).replaceAll(" ");
    }

    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SPLIT.split(unwrap(text))) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
