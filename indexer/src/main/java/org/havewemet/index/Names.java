package org.havewemet.index;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation of people's names and addresses so that "José  Pérez" and "jose perez" are the same person. */
public final class Names {
    private Names() {
    }

    /** Lower-case, accents stripped, whitespace collapsed; null or blank gives null. */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        String result = out.toString().toLowerCase(Locale.ROOT);
        return result.isEmpty() ? null : result;
    }

    /** Trimmed lower-case address; null or blank gives null. */
    public static String normalizeAddress(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
