package org.havewemet.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

/**
 * Renders a {@link Draft} as an RFC 5322 message with javax.mail, as a real sender's library would: RFC 2047
 * encoded words for non-ASCII names and subjects, UTF-8 text with the transfer encoding javax.mail picks
 * (7bit, quoted-printable or base64), the draft's own Message-ID and a UTC Date header. The same draft always gives
 * the same bytes (fixed multipart boundary), so both sides of a benchmark see identical mail.
 */
public final class MimeRenderer {
    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeRenderer() {
    }

    /**
     * What one mail says. {@code headers} are extra header lines, name then value; {@code html}, when not null, makes
     * the mail multipart/alternative (text and HTML), as modern platform notices are.
     */
    public record Draft(String fromName, String fromAddress, String toName, String toAddress, String subject,
                        Instant date, String messageId, List<String[]> headers, String body, String html) {
        public Draft withHtml(String html) {
            return new Draft(fromName, fromAddress, toName, toAddress, subject, date, messageId, headers, body, html);
        }
    }

    public static byte[] render(Draft d) {
        try {
            MimeMessage m = new FixedIdMessage(d.messageId());
            m.setFrom(new InternetAddress(d.fromAddress(), d.fromName(), "UTF-8"));
            m.setRecipient(Message.RecipientType.TO, d.toName() == null ? new InternetAddress(d.toAddress())
                : new InternetAddress(d.toAddress(), d.toName(), "UTF-8"));
            m.setSubject(d.subject(), "UTF-8");
            m.setSentDate(Date.from(d.date()));
            // What the receiving server adds in front: the envelope sender and its own trace line.
            String host = d.fromAddress().substring(d.fromAddress().indexOf('@') + 1);
            m.setHeader("Return-Path", "<" + d.fromAddress() + ">");
            m.setHeader("Received", "from mail-out." + host + " (mail-out." + host + " [192.0.2."
                + Math.floorMod(d.messageId().hashCode(), 250) + "]) by mx.havewemet.test (JAMES SMTP Server) with"
                + " ESMTPS id " + Integer.toHexString(d.messageId().hashCode()) + " for <" + d.toAddress() + ">; "
                + RFC_DATE.format(d.date()));
            for (String[] h : d.headers()) {
                m.setHeader(h[0], h[1]);
            }
            if (d.html() == null) {
                m.setText(d.body(), "UTF-8");
            } else {
                MimeBodyPart text = new MimeBodyPart();
                text.setText(d.body(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setText(d.html(), "UTF-8", "html");
                MimeMultipart alternative = new FixedBoundaryMultipart("----=_Part_"
                    + Integer.toHexString(d.messageId().hashCode()) + "_alternative");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                m.setContent(alternative);
            }
            m.saveChanges();
            // javax.mail writes Date in the JVM's zone; the questions compare UTC days, so write it in UTC.
            m.setHeader("Date", RFC_DATE.format(d.date()));
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot render " + d.messageId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final DateTimeFormatter RFC_DATE =
        DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** multipart/alternative with a boundary derived from the mail, not from a counter and the clock. */
    private static final class FixedBoundaryMultipart extends MimeMultipart {
        FixedBoundaryMultipart(String boundary) throws MessagingException {
            super("alternative");
            ContentType type = new ContentType("multipart/alternative");
            type.setParameter("boundary", boundary);
            contentType = type.toString();
        }
    }

    /** Keeps the draft's Message-ID instead of the random one saveChanges() would make. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
