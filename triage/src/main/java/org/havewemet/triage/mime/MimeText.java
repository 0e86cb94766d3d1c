package org.havewemet.triage.mime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

import org.jsoup.parser.Parser;

/**
 * Reads a {@link MimeMessage} into a {@link MailText} with bounded time and memory: at most {@link #MAX_TEXT_BYTES}
 * of text, {@link #MAX_DEPTH} levels of multipart nesting and {@link #MAX_PARTS} parts. Attachment bodies are never
 * read, only their headers. Never throws: whatever cannot be read is noted in {@link MailText#problems()}.
 */
public final class MimeText {
    public static final int MAX_TEXT_BYTES = 256 * 1024;
    public static final int MAX_DEPTH = 24;
    public static final int MAX_PARTS = 200;
    private static final List<String> KEPT_HEADERS = List.of("list-unsubscribe", "list-unsubscribe-post", "list-id",
            "list-post", "precedence", "authentication-results", "x-mailer", "sender", "in-reply-to", "references",
            "feedback-id", "to");

    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<MailText.Attachment> attachments = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int parts;

    private MimeText() {
    }

    public static MailText read(MimeMessage message, List<String> platformHeaderMarkers) {
        return new MimeText().extract(message, platformHeaderMarkers);
    }

    private MailText extract(MimeMessage message, List<String> markers) {
        InternetAddress from = firstAddress(message, "From");
        InternetAddress replyTo = firstAddress(message, "Reply-To");
        InternetAddress to = firstAddress(message, "To");
        String returnPath = header(message, "Return-Path");
        String messageId = header(message, "Message-ID");
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : KEPT_HEADERS) {
            keep(message, name, headers);
        }
        for (String marker : markers) {
            keep(message, marker.toLowerCase(Locale.ROOT), headers);
        }
        walk(message, 0);
        List<MailText.Link> links = new ArrayList<>();
        String text;
        boolean fromHtml = false;
        if (!plain.toString().isBlank()) {
            text = Parser.unescapeEntities(plain.toString(), false);
            Links.fromPlain(text, links);
        } else if (html.length() > 0) {
            text = safeHtml(html.toString(), links);
            fromHtml = true;
        } else {
            text = "";
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
        String fromAddress = from == null ? null : from.getAddress();
        return new MailText(
                from == null ? null : HeaderText.decode(from.getPersonal()),
                fromAddress,
                HeaderText.domainOf(fromAddress),
                replyTo == null ? null : replyTo.getAddress(),
                HeaderText.domainOf(HeaderText.stripAngles(returnPath)),
                HeaderText.stripListTags(HeaderText.decode(header(message, "Subject"))),
                messageId,
                HeaderText.domainOf(HeaderText.stripAngles(messageId)),
                headers, text, fromHtml, links, attachments, problems,
                to == null ? null : HeaderText.decode(to.getPersonal()));
    }

    private void walk(Part part, int depth) {
        if (depth > MAX_DEPTH) {
            problems.add("multipart nesting deeper than " + MAX_DEPTH + " levels; inner parts ignored");
            return;
        }
        if (++parts > MAX_PARTS) {
            if (parts == MAX_PARTS + 1) {
                problems.add("more than " + MAX_PARTS + " parts; the rest ignored");
            }
            return;
        }
        String type = contentType(part);
        String filename = filename(part);
        String disposition = disposition(part);
        try {
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (content instanceof Multipart mp) {
                    int count = mp.getCount();
                    for (int i = 0; i < count && parts <= MAX_PARTS; i++) {
                        walk(mp.getBodyPart(i), depth + 1);
                    }
                } else {
                    problems.add("multipart without parts");
                }
            } else if (filename != null || Part.ATTACHMENT.equalsIgnoreCase(disposition)) {
                attachments.add(new MailText.Attachment(filename, type));
            } else if (type.startsWith("text/html")) {
                append(html, part, type);
            } else if (type.startsWith("text/") || type.isEmpty()) {
                append(plain, part, type);
            } else if (!type.startsWith("message/")) {
                attachments.add(new MailText.Attachment(null, type));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("unreadable " + (type.isEmpty() ? "part" : type) + ": " + e.getMessage());
            if (type.startsWith("multipart/") && plain.length() == 0) {
                // A broken multipart (missing boundary) still carries readable text: use the raw body.
                append(plain, part, "text/plain");
            }
        }
    }

    private void append(StringBuilder target, Part part, String type) {
        int room = MAX_TEXT_BYTES - plain.length() - html.length();
        if (room <= 0) {
            return;
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = readAtMost(in, room);
            target.append(new String(bytes, charset(type)));
            if (bytes.length < room) {
                // The separator between parts counts against the cap too.
                target.append('\n');
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("unreadable text part: " + e.getMessage());
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 64 * 1024));
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while (total < max && (n = in.read(buf, 0, Math.min(buf.length, max - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    private Charset charset(String type) {
        try {
            String name = new ContentType(type).getParameter("charset");
            if (name != null) {
                return Charset.forName(MimeUtility.javaCharset(name.strip()));
            }
        } catch (Exception e) {
            problems.add("unknown charset in '" + type + "', read as UTF-8");
        }
        return StandardCharsets.UTF_8;
    }

    private String safeHtml(String source, List<MailText.Link> links) {
        try {
            return HtmlText.text(source, links);
        } catch (RuntimeException e) {
            problems.add("unreadable HTML: " + e.getMessage());
            return "";
        }
    }

    private String contentType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
        } catch (MessagingException | RuntimeException e) {
            problems.add("unreadable Content-Type: " + e.getMessage());
            return "text/plain";
        }
    }

    private String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : HeaderText.decode(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private InternetAddress firstAddress(MimeMessage message, String name) {
        String raw = header(message, name);
        if (raw == null) {
            return null;
        }
        try {
            Address[] parsed = InternetAddress.parseHeader(raw, false);
            if (parsed.length > 0 && parsed[0] instanceof InternetAddress ia) {
                return ia;
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add("unparsable " + name + " header");
        }
        return null;
    }

    private void keep(MimeMessage message, String name, Map<String, List<String>> headers) {
        try {
            String[] values = message.getHeader(name);
            if (values != null && values.length > 0) {
                headers.put(name, List.of(values));
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add("unreadable header " + name);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, " ");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

}
