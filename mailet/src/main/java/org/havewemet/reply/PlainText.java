package org.havewemet.reply;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/** Sets a text/plain; charset=UTF-8 body in quoted-printable, with line breaks normalised. */
final class PlainText {
    private PlainText() {
    }

    static void fill(MimeMessage message, String body) throws MessagingException {
        String text = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n');
        message.setText(text, "UTF-8", "plain");
        // QP keeps the text readable in raw form and 7-bit safe on any relay; set explicitly so that
        // saveChanges() does not pick base64 for mostly non-ASCII texts.
        message.setHeader("Content-Transfer-Encoding", "quoted-printable");
    }
}
