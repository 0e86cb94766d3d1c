package org.havewemet.reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The new words of an answer: the text/plain part (or the HTML part as text), without quoted lines ('&gt;'), the
 * attribution line ("On ... wrote:", "Le ... a écrit :", "Am ... schrieb ...:", "El ... escribió:"), the forwarded
 * original (Outlook headers, "-----Original Message-----") and the signature.
 */
public final class AnswerText {
    private static final Pattern ATTRIBUTION_END = Pattern.compile(
            "(?iu).*(?:\\bwrote|a\\s+écrit|schrieb|escribió|ha\\s+escrito)\\s*:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?iu)^(?:on|le|am|el)\\s.+");
    private static final Pattern ORIGINAL_SEPARATOR = Pattern.compile(
            "(?iu)^\\s*(?:-{2,}\\s*(?:original message|message d'origine|ursprüngliche nachricht|mensaje original"
                    + "|forwarded message|message transféré)\\s*-{2,}|_{10,})\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?iu)^\\s*\\*?(?:from|de|von)\\s*\\*?\\s*:.*");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile(
            "(?iu)^\\s*\\*?(?:sent|date|envoyé|gesendet|datum|enviado|fecha|to|à|an|para)\\s*\\*?\\s*:.*");
    private static final Pattern SIGNATURE = Pattern.compile(
            "(?iu)^(?:--\\s*|sent from my .*|envoyé de mon .*|von meinem .* gesendet|enviado desde mi .*)$");

    private AnswerText() {
    }

    /** The new text of a message part tree; empty when it has no readable text. */
    public static String of(Part message) {
        try {
            String plain = find(message, "text/plain");
            if (plain != null) {
                return newText(plain);
            }
            String html = find(message, "text/html");
            return html == null ? "" : newText(htmlToText(html));
        } catch (MessagingException | IOException | RuntimeException e) {
            return "";
        }
    }

    /** Removes quotes, attribution, forwarded original and signature from a plain-text answer. */
    public static String newText(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (isAttribution(lines, i) || ORIGINAL_SEPARATOR.matcher(trimmed).matches()
                    || SIGNATURE.matcher(trimmed).matches()
                    || (OUTLOOK_FROM.matcher(trimmed).matches()
                    && OUTLOOK_NEXT.matcher(nextNonBlank(lines, i)).matches())) {
                break;
            }
            if (!trimmed.startsWith(">")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept).strip();
    }

    /** "On Tue, ... Alice &lt;" + newline + "alice@x&gt; wrote:": an attribution may wrap over up to 3 lines. */
    private static boolean isAttribution(String[] lines, int i) {
        String first = lines[i].strip();
        if (!ATTRIBUTION_START.matcher(first).matches()) {
            return ATTRIBUTION_END.matcher(first).matches() && first.length() < 200 && nextIsQuoteOrEnd(lines, i);
        }
        StringBuilder joined = new StringBuilder(first);
        for (int j = i; j < Math.min(lines.length, i + 3); j++) {
            if (j > i) {
                joined.append(' ').append(lines[j].strip());
            }
            if (ATTRIBUTION_END.matcher(joined).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String nextNonBlank(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            String next = lines[j].strip();
            if (!next.isEmpty()) {
                return next;
            }
        }
        return "";
    }

    private static boolean nextIsQuoteOrEnd(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            String next = lines[j].strip();
            if (!next.isEmpty()) {
                return next.startsWith(">");
            }
        }
        return true;
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** HTML to plain lines, with the usual quote containers of webmail and Outlook removed. */
    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select("blockquote, div.gmail_quote, div.moz-cite-prefix, div.yahoo_quoted, style, script, head").remove();
        doc.outputSettings().prettyPrint(false);
        doc.select("br").after("\n");
        doc.select("p, div, tr, li, h1, h2, h3, h4, hr").before("\n");
        return doc.wholeText().replace('\u00a0', ' ');
    }
}
