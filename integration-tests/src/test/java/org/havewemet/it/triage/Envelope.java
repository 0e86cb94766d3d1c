package org.havewemet.it.triage;

import java.io.ByteArrayInputStream;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;

import org.apache.james.core.MailAddress;

/**
 * The SMTP envelope a labelled mail arrived with, as its own headers imply: the reverse path its {@code Return-Path}
 * records (a platform notice's is the platform's bounce address, {@code <>} the null sender), else its {@code From}
 * address, as for a person's mail sent straight to us. An address James' SMTP server would refuse (two @, no
 * domain) is skipped for the next; nothing usable gives the null sender. The test sends the mail with this reverse
 * path and judges it with the same one, so the server and the prediction see one envelope.
 */
final class Envelope {
    private Envelope() {
    }

    /** The reverse path, empty for the null sender. */
    static Optional<String> senderOf(byte[] mail) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(mail));
        } catch (MessagingException unreadable) {
            return Optional.empty();
        }
        String returnPath = headers.getHeader("Return-Path", null);
        if (returnPath != null) {
            String path = returnPath.strip();
            if (path.equals("<>")) {
                return Optional.empty();
            }
            Optional<String> valid = valid(path.replace("<", "").replace(">", "").strip());
            if (valid.isPresent()) {
                return valid;
            }
        }
        String from = headers.getHeader("From", ",");
        if (from == null) {
            return Optional.empty();
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length == 0 ? Optional.empty() : valid(addresses[0].getAddress());
        } catch (AddressException unparsable) {
            return Optional.empty();
        }
    }

    private static Optional<String> valid(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(address).asString());
        } catch (AddressException refused) {
            return Optional.empty();
        }
    }
}
