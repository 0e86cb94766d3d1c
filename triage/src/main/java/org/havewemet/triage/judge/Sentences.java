package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a note into sentences: at line breaks, after '.' '!' and full-width stops followed by space, after '?'
 * followed by space and a capital, and right after '。' '！' '？'. Written out by hand (no regular expression runs on
 * the inviter's text here) and linear in the note's length.
 */
public final class Sentences {
    private Sentences() {
    }

    /** Joins lines that a mail client wrapped in the middle of a sentence (the next line goes on in lower case). */
    static String unwrap(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' && joins(text, out, i)) {
                trimTrailingBlanks(out);
                out.append(' ');
                i++;
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean joins(String text, StringBuilder before, int newline) {
        int b = before.length() - 1;
        while (b >= 0 && (before.charAt(b) == ' ' || before.charAt(b) == '\t')) {
            b--;
        }
        if (b < 0) {
            return false;
        }
        char prev = before.charAt(b);
        boolean prevOk = Character.isLetterOrDigit(prev) || prev == ',' || prev == '\'' || prev == '’' || prev == '-';
        int n = newline + 1;
        while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
            n++;
        }
        if (!prevOk || n >= text.length()) {
            return false;
        }
        char next = text.charAt(n);
        return Character.isLowerCase(next) || Character.isDigit(next) || next == '(';
    }

    private static void trimTrailingBlanks(StringBuilder sb) {
        while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
            sb.setLength(sb.length() - 1);
        }
    }

    public static List<String> split(String text) {
        String t = unwrap(text);
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int cut = -1;
            int resume = -1;
            if (c == '\n') {
                cut = i;
                resume = i + 1;
            } else if (c == '。' || c == '！' || c == '？') {
                cut = i + 1;
                resume = i + 1;
            } else if ((c == '.' || c == '!') && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                cut = i + 1;
                resume = i + 1;
            } else if (c == '?' && i + 1 < t.length() && Character.isWhitespace(t.charAt(i + 1))) {
                int n = i + 1;
                while (n < t.length() && Character.isWhitespace(t.charAt(n))) {
                    n++;
                }
                if (n < t.length() && Character.isUpperCase(t.charAt(n))) {
                    cut = i + 1;
                    resume = i + 1;
                }
            }
            if (cut >= 0) {
                add(out, t.substring(start, cut));
                start = resume;
                i = resume;
            } else {
                i++;
            }
        }
        add(out, t.substring(Math.min(start, t.length())));
        return out;
    }

    private static void add(List<String> out, String s) {
        if (!s.isBlank()) {
            out.add(s.strip());
        }
    }
}
