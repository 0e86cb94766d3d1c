package org.havewemet.triage.mime;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Finds links in plain text, with the words that introduce each one. */
final class Links {
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'\\]\\[)]+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_URL_CHARS = 2000;
    private static final int MAX_LINKS = 500;

    private Links() {
    }

    static void fromPlain(String text, List<MailText.Link> links) {
        Matcher m = URL.matcher(text);
        while (m.find() && links.size() < MAX_LINKS) {
            String url = m.group().length() > MAX_URL_CHARS ? m.group().substring(0, MAX_URL_CHARS) : m.group();
            links.add(new MailText.Link(url, host(url), contextBefore(text, m.start())));
        }
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
