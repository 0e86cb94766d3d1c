package org.havewemet.it.hardening.crash;

import java.util.UUID;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Makes each pass of a mail through final delivery a distinct entry of the delivered-mail repository. A file mail
 * repository stores a mail under its name, which James gives it once, on reception; a mail the queue hands out a
 * second time (processed, then the server killed before the queue heard it was done) would silently overwrite its
 * first copy, where a real mailbox would hold it twice. With a per-pass name, the repository counts deliveries the
 * way a mailbox would, so duplicates can be measured. The name also carries the delivery time (epoch millis), read
 * back by {@link DeliveredMail}.
 */
public final class DistinctDeliveryName extends GenericMailet {
    static final String MARK = "-at"; // "t" is no hex digit: never inside the UUIDs of a name

    @Override
    public void service(Mail mail) {
        // Short: the repository hex-encodes the name into a file name, which must stay under 255 bytes.
        mail.setName(mail.getName() + MARK + System.currentTimeMillis() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
