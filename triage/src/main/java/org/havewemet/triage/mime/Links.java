package org.havewemet.triage.mime;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Finds links in plain text, with the words that introduce each one. */
final class Links {
    private static final int MAX_URL_CHARS = 2000;
    private static final int MAX_LINKS = 500;

    private Links() {
    }

    /**
     * Every "http://" or "https://" (any case) and the URL characters after it. Scanned by hand: this runs over the
     * whole text of every mail, ordinary mail included, and a regular expression engine costs far more here.
     */
    static void fromPlain(String text, List<MailText.Link> links) {
        int from = 0;
        while (links.size() < MAX_LINKS) {
            int start = nextScheme(text, from);
            if (start < 0) {
                return;
            }
            int schemeEnd = text.indexOf("://", start) + 3;
            int end = schemeEnd;
            while (end < text.length() && end - start < MAX_URL_CHARS && isUrlChar(text.charAt(end))) {
                end++;
            }
            if (end > schemeEnd) {
                String url = text.substring(start, end);
                links.add(new MailText.Link(url, host(url), contextBefore(text, start)));
            }
            from = Math.max(end, start + 1);
        }
    }

    /** The index of the next "http://" or "https://" (case-insensitive) at or after from, or -1. */
    private static int nextScheme(String text, int from) {
        int i = from;
        while (true) {
            int lower = text.indexOf("ttp", i);
            int upper = text.indexOf("TTP", i);
            int at = lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
            if (at < 0) {
                return -1;
            }
            int h = at - 1;
            if (h >= 0 && (text.charAt(h) == 'h' || text.charAt(h) == 'H')) {
                int rest = at + 3;
                if (rest < text.length() && (text.charAt(rest) == 's' || text.charAt(rest) == 'S')) {
                    rest++;
                }
                if (text.startsWith("://", rest)) {
                    return h;
                }
            }
            i = at + 1;
        }
    }

    private static boolean isUrlChar(char c) {
        return !Character.isWhitespace(c) && c != '<' && c != '>' && c != '"' && c != '\'' && c != '[' && c != ']'
            && c != ')';
    }

    /** The text before the link on its line, or the previous non-empty line when the link starts the line. */
    private static String contextBefore(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(Math.max(lineStart, start - 200), start).strip();
        if (!before.isEmpty() || lineStart == 0) {
            return before;
        }
        int prevEnd = lineStart - 1;
        int prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
        while (prevStart > 0 && text.substring(prevStart, prevEnd).isBlank()) {
            prevEnd = prevStart - 1;
            prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
        }
        return text.substring(Math.max(prevStart, prevEnd - 200), Math.max(prevStart, prevEnd)).strip();
    }

    static String host(String url) {
        try {
            String h = URI.create(url.replace(" ", "%20").replace("|", "%7C")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            int s = url.indexOf("://");
            if (s < 0) {
                return null;
            }
            String rest = url.substring(s + 3);
            int end = 0;
            while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            return rest.substring(0, end).toLowerCase(Locale.ROOT);
        }
    }
}
