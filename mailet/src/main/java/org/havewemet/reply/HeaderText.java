package org.havewemet.reply;

import java.util.Locale;

/**
 * Cleans text taken from mail content before it goes into a header we write: header injection (CR/LF) and control
 * characters must never reach the reply, whatever the original mail carried.
 */
final class HeaderText {
    private HeaderText() {
    }

    /** Removes CR, LF, other C0/C1 control chars and Unicode line separators, collapses blanks, trims. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean lastBlank = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean blank = c == ' ' || c == '\t' || c == '\r' || c == '\n'
                    || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (blank) {
                if (!lastBlank && out.length() > 0) {
                    out.append(' ');
                }
                lastBlank = true;
            } else if (Character.isISOControl(c)) {
                // dropped: control characters have no place in a header value
            } else {
                out.append(c);
                lastBlank = false;
            }
        }
        return out.toString().trim();
    }

    /** The domain part of an address, lower case, or null when there is none. */
    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return null;
        }
        return address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The local part of an address (everything before the last '@'), lower case. */
    static String localPartOf(String address) {
        if (address == null) {
            return "";
        }
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
