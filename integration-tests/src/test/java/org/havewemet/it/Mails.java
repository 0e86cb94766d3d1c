package org.havewemet.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/** Test mails under src/test/resources/mails. */
final class Mails {
    private Mails() {
    }

    static String read(String name) {
        try (InputStream in = Mails.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail /mails/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the message out of an IMAP {@code * n FETCH (BODY[] {size}CRLF...)} response. */
    static MimeMessage parseFetched(String fetchResponse) throws MessagingException {
        int open = fetchResponse.indexOf('{');
        int close = fetchResponse.indexOf('}', open);
        int size = Integer.parseInt(fetchResponse.substring(open + 1, close));
        int start = fetchResponse.indexOf('\n', close) + 1;
        byte[] all = fetchResponse.substring(start).getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(all, Math.min(size, all.length));
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
    }
}
