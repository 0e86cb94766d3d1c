package org.havewemet.reply;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import com.google.re2j.Pattern;

/** The RFC 3834 header checks of a mail: lists, Auto-Submitted, Precedence, X-Auto-Response-Suppress, spam flags. */
final class HeaderRules {
    /** Commas, semicolons and java.util.regex's \s (RE2/J's \s lacks \x0B). */
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[,;\\s\\x0B]+");
    /** A rule hit: its code and what was seen. */
    record Hit(ReasonCode code, String detail) {
    }

    private HeaderRules() {
    }

    static Optional<Hit> listMail(MimeMessage message) throws MessagingException {
        Enumeration<Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            String name = headers.nextElement().getName().toLowerCase(Locale.ROOT);
            if (name.startsWith("list-") || name.equals("mailing-list") || name.equals("x-mailing-list")) {
                return Optional.of(new Hit(ReasonCode.LIST_MAIL, name));
            }
        }
        return Optional.empty();
    }

    static Optional<Hit> autoSubmitted(MimeMessage message) throws MessagingException {
        for (String value : values(message, "Auto-Submitted")) {
            String keyword = keyword(value);
            if (!keyword.equals("no")) {
                return Optional.of(new Hit(ReasonCode.AUTO_SUBMITTED, HeaderText.clean(value)));
            }
        }
        return Optional.empty();
    }

    static Optional<Hit> precedence(MimeMessage message) throws MessagingException {
        for (String value : values(message, "Precedence")) {
            String keyword = keyword(value);
            if (keyword.equals("bulk") || keyword.equals("junk") || keyword.equals("list")
                    || keyword.equals("auto_reply")) {
                return Optional.of(new Hit(ReasonCode.PRECEDENCE, keyword));
            }
        }
        return Optional.empty();
    }

    static Optional<Hit> autoResponseSuppressed(MimeMessage message) throws MessagingException {
        for (String value : values(message, "X-Auto-Response-Suppress")) {
            for (String token : TOKEN_SEPARATORS.split(stripComments(value))) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (t.equals("all") || t.equals("oof") || t.equals("autoreply")) {
                    return Optional.of(new Hit(ReasonCode.AUTO_RESPONSE_SUPPRESSED, HeaderText.clean(value)));
                }
            }
        }
        return Optional.empty();
    }

    /** Spam filters' verdicts. Our own X-HaveWeMet-* headers are deliberately not consulted (stripped upstream). */
    static Optional<Hit> spamFlagged(MimeMessage message) throws MessagingException {
        for (String name : new String[] {"X-Spam-Flag", "X-Spam"}) {
            for (String value : values(message, name)) {
                if (keyword(value).startsWith("yes")) {
                    return Optional.of(new Hit(ReasonCode.SPAM_FLAGGED, name + ": " + HeaderText.clean(value)));
                }
            }
        }
        for (String value : values(message, "X-Spam-Status")) {
            if (HeaderText.clean(value).toLowerCase(Locale.ROOT).startsWith("yes")) {
                return Optional.of(new Hit(ReasonCode.SPAM_FLAGGED, "X-Spam-Status: yes"));
            }
        }
        return Optional.empty();
    }

    /** The first token of a structured header value, lower case, comments and parameters removed. */
    static String keyword(String value) {
        String v = stripComments(value);
        int semi = v.indexOf(';');
        return HeaderText.clean(semi < 0 ? v : v.substring(0, semi)).toLowerCase(Locale.ROOT);
    }

    /** Removes RFC 5322 comments (nested, with quoted pairs), keeping quoted strings intact. */
    static String stripComments(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && (quoted || depth > 0)) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String[] values(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? new String[0] : values;
    }
}
