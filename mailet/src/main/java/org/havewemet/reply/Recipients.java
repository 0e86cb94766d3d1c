package org.havewemet.reply;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** The addresses a mail is visibly addressed to (To, Cc, Bcc and their Resent- forms), lower case. */
public final class Recipients {
    private static final String[] HEADERS = {"To", "Cc", "Bcc", "Resent-To", "Resent-Cc", "Resent-Bcc"};
    private static final Pattern LOOSE_ADDRESS = Pattern.compile("[^\\s\\x0B<>,;:\"()]+@[^\\s\\x0B<>,;:\"()]+");

    private Recipients() {
    }

    public static Set<String> of(MimeMessage message) throws MessagingException {
        Set<String> addresses = new LinkedHashSet<>();
        for (String header : HEADERS) {
            for (String value : HeaderRules.values(message, header)) {
                addAll(addresses, value);
            }
        }
        return addresses;
    }

    private static void addAll(Set<String> into, String value) {
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                if (address.isGroup()) {
                    InternetAddress[] members = address.getGroup(false);
                    if (members != null) {
                        for (InternetAddress m : members) {
                            add(into, m.getAddress());
                        }
                    }
                } else {
                    add(into, address.getAddress());
                }
            }
        } catch (AddressException e) {
            // Broken header: fall back to anything that looks like an address.
            Matcher m = LOOSE_ADDRESS.matcher(value);
            while (m.find()) {
                add(into, m.group());
            }
        }
    }

    private static void add(Set<String> into, String address) {
        if (address != null && address.contains("@")) {
            into.add(address.trim().toLowerCase(Locale.ROOT));
        }
    }
}
