package org.havewemet.triage.profile;

import java.text.Normalizer;
import java.util.Locale;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Folding of mail text for comparisons that must not care about case, accents, punctuation or spacing: Lucene's
 * ASCII folding ("ß" is "ss", "ł" is "l", "é" is "e"), then lower case, then letters and digits separated by single
 * spaces. Scripts without an ASCII form (Cyrillic, CJK, Arabic, Thai) keep their letters, lower-cased where they
 * have case. '?' is kept: it is what list archives leave of a character they could not convert.
 */
public final class TextFolding {
    private TextFolding() {
    }

    /** Lower case, no accents, letters/digits/'?' separated by single spaces; apostrophes vanish ("I'd" is "id"). */
    public static String words(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String folded = foldAccents(s.replace('\ufffd', '?')).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean space = true;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '?') {
                out.append(c);
                space = false;
            } else if (c == '\'' || c == '’' || isMark(c)) {
                continue;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * The folding of {@link #words} applied to a pattern (lower case, accents removed) without touching its syntax, so
     * that cue patterns are written once in natural spelling and match folded text.
     */
    public static String pattern(String regex) {
        String folded = foldAccents(regex);
        StringBuilder sb = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == '\\' && i + 1 < folded.length()) {
                // An escape keeps its case (\S is not \s); \p{Lu} keeps its class name.
                char next = folded.charAt(i + 1);
                sb.append(c).append(next);
                i++;
                if ((next == 'p' || next == 'P') && i + 1 < folded.length() && folded.charAt(i + 1) == '{') {
                    int close = folded.indexOf('}', i + 1);
                    int end = close < 0 ? folded.length() : close + 1;
                    sb.append(folded, i + 1, end);
                    i = end - 1;
                }
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Accents removed (ASCII folding where Lucene knows one), everything else kept as it is. */
    public static String foldAccents(String s) {
        String composed = Normalizer.normalize(s, Normalizer.Form.NFC);
        char[] in = composed.toCharArray();
        char[] out = new char[in.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
        StringBuilder sb = new StringBuilder(n);
        String decomposed = Normalizer.normalize(new String(out, 0, n), Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (!isMark(c)) {
                sb.append(c);
            }
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
            || type == Character.ENCLOSING_MARK;
    }

    /** How many whitespace-separated words {@code s} has. */
    public static int wordCount(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
