package org.havewemet.triage.profile;

/**
 * The case folding that {@link RequiredLiterals} applies to its literals and {@link Rx}'s prefilter to the texts, so
 * that a literal RE2 matches case-insensitively is found by {@code indexOf} in the folded text too.
 */
final class LiteralFolding {
    private LiteralFolding() {
    }

    /**
     * Case folding of a text for {@code indexOf} against the literals: ASCII lower-casing, plus the two non-ASCII
     * characters that RE2's case-insensitive matching treats as ASCII letters (KELVIN SIGN and LATIN SMALL LETTER
     * LONG S). Other characters are kept; they can never equal an (ASCII) literal character.
     */
    static String fold(CharSequence text) {
        int n = text.length();
        char[] out = null;
        for (int k = 0; k < n; k++) {
            char c = text.charAt(k);
            char f = foldChar(c);
            if (f != c && out == null) {
                out = new char[n];
                for (int j = 0; j < k; j++) {
                    out[j] = text.charAt(j);
                }
            }
            if (out != null) {
                out[k] = f;
            }
        }
        return out == null ? text.toString() : new String(out);
    }

    static char foldChar(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        if (c >= 0x0400 && c <= 0x04FF) {
            return Character.toLowerCase(c);
        }
        if (c == '\u212A') {
            return 'k';
        }
        if (c == '\u017F') {
            return 's';
        }
        if (c == '\u212B') {
            return '\u00E5'; // ANGSTROM SIGN: RE2 matches it case-insensitively with å and Å
        }
        if (c >= LATIN_FIRST && c <= LATIN_LAST) {
            return Character.toLowerCase(c);
        }
        return c;
    }

    /** Latin-1 letters and Latin Extended-A ("ú", "ç", "ł", "ő"): lower-casing matches RE2's folding there. */
    private static final char LATIN_FIRST = '\u00C0';
    private static final char LATIN_LAST = '\u017F';

    /**
     * A pattern character outside ASCII that {@link #fold} keeps apart from every other: a Cyrillic or accented
     * Latin letter (folded alike in pattern and text), or a letter or symbol without case ("通", "€"). Not "ß" nor
     * "µ", which RE2 also matches to letters outside those ranges (ẞ, Greek mu).
     */
    static boolean isFoldable(char c) {
        if (c >= 0x0400 && c <= 0x04FF) {
            return true;
        }
        if (c >= LATIN_FIRST && c <= LATIN_LAST) {
            return Character.isLetter(c) && c != '\u00DF' || c == '\u00D7' || c == '\u00F7';
        }
        if (Character.isSurrogate(c) || c == '\u00B5') {
            return false;
        }
        return Character.toLowerCase(c) == c && Character.toUpperCase(c) == c && Character.toTitleCase(c) == c
            && Character.getType(c) != Character.NON_SPACING_MARK && Character.getType(c) != Character.UNASSIGNED;
    }
}
