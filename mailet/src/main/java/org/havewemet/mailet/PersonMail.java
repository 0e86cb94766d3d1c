package org.havewemet.mailet;

import java.util.Locale;
import java.util.Optional;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.havewemet.reply.MachineAddresses;

/**
 * Tells mail written by a person from machine mail (lists, notifications, auto-replies, bounces), so that only
 * people a user really exchanges mail with become known correspondents.
 */
final class PersonMail {
    private PersonMail() {
    }

    /** The From of a mail written by a person whose envelope sender matches it; empty for machine mail. */
    static Optional<InternetAddress> sender(MimeMessage message, String envelopeSender) {
        try {
            if (envelopeSender == null || MachineAddresses.isMachine(envelopeSender)
                || message.getHeader("List-Id") != null || message.getHeader("List-Unsubscribe") != null
                || message.getHeader("Precedence") != null || isAutomatic(message.getHeader("Auto-Submitted", null))) {
                return Optional.empty();
            }
            Address[] from = message.getFrom();
            if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress)) {
                return Optional.empty();
            }
            InternetAddress address = (InternetAddress) from[0];
            boolean sameAsEnvelope = envelopeSender.equalsIgnoreCase(address.getAddress());
            return sameAsEnvelope && !MachineAddresses.isMachine(address.getAddress())
                ? Optional.of(address) : Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isAutomatic(String autoSubmitted) {
        return autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no");
    }
}
