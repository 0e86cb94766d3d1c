package org.havewemet.mailet;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who an inviter is, across mails and users: the profile link, else the name and headline, else the address (a
 * direct request). The same key comes from a delivered invitation and from its index record.
 */
final class InviterIdentity {
    private InviterIdentity() {
    }

    /** "profile:URL", "name:NAME | HEADLINE" or "address:ADDRESS"; "" when nothing identifies the inviter. */
    static String key(String profileUrl, String name, String headline, String address) {
        String profile = normalized(profileUrl);
        if (!profile.isEmpty()) {
            while (profile.endsWith("/")) {
                profile = profile.substring(0, profile.length() - 1);
            }
            return "profile:" + profile;
        }
        String who = normalized(name);
        String what = normalized(headline);
        if (!who.isEmpty() && !what.isEmpty()) {
            return "name:" + who + " | " + what;
        }
        String mail = normalized(address);
        return mail.isEmpty() ? "" : "address:" + mail;
    }

    /** The keys an erasure by address or profile link reaches. */
    static Set<String> erasable(String addressOrProfile) {
        String text = normalized(addressOrProfile);
        Set<String> keys = new LinkedHashSet<>();
        keys.add("address:" + text);
        keys.add(key(text, null, null, null));
        return keys;
    }

    static String normalized(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (char c : text.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
