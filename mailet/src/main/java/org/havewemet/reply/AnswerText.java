package org.havewemet.reply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;

import org.havewemet.triage.profile.Rx;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import com.google.re2j.Pattern;

/**
 * The new words of an answer: the text/plain part (or the HTML part as text), without quoted lines ('&gt;'), the
 * attribution line ("On ... wrote:", "Le ... a écrit :", "Am ... schrieb ...:", "El ... escribió:"), the forwarded
 * original (Outlook headers, "-----Original Message-----") and the signature.
 */
public final class AnswerText {
    /** java.util.regex's "." without DOTALL: anything but a line terminator (RE2/J's "." excludes only \n). */
    private static final String ANY = "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]";
    private static final Pattern ATTRIBUTION_END = compile(
            "(?i)" + ANY + "*(?:\\bwrote|a\\s+écrit|schrieb|escribió|ha\\s+escrito)\\s*:\\s*$");
    private static final Pattern ATTRIBUTION_START = compile("(?i)^(?:on|le|am|el)\\s" + ANY + "+");
    private static final Pattern ORIGINAL_SEPARATOR = compile(
            "(?i)^\\s*(?:-{2,}\\s*(?:original message|message d'origine|ursprüngliche nachricht|mensaje original"
                    + "|forwarded message|message transféré)\\s*-{2,}|_{10,})\\s*$");
    private static final Pattern OUTLOOK_FROM = compile("(?i)^\\s*\\*?(?:from|de|von)\\s*\\*?\\s*:" + ANY + "*");
    private static final Pattern OUTLOOK_NEXT = compile(
            "(?i)^\\s*\\*?(?:sent|date|envoyé|gesendet|datum|enviado|fecha|to|à|an|para)\\s*\\*?\\s*:" + ANY + "*");
    private static final Pattern SIGNATURE = compile("(?i)^(?:--\\s*|sent from my " + ANY + "*|envoyé de mon " + ANY
            + "*|von meinem " + ANY + "* gesendet|enviado desde mi " + ANY + "*)$");
    private static final Pattern NEWLINE = Pattern.compile("\\n");

    private AnswerText() {
    }

    /**
     * These patterns were written for java.util.regex (ASCII \s with \x0B, Unicode-aware \b, Unicode case);
     * RE2/J's (?i) already folds Unicode case, the rest is spelled out here.
     */
    private static Pattern compile(String regex) {
        return Pattern.compile(Rx.alwaysUnicodeBoundaries(regex).replace("\\s", "[\\s\\x0B]"));
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
        String[] lines = NEWLINE.split(text.replace("\r\n", "\n").replace('\r', '\n'), -1);
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
