package org.havewemet.reply;

import java.util.Set;

/**
 * Recognises addresses of software rather than people (RFC 3834 2: list managers, bounce handlers, no-reply
 * senders). Answering them causes loops or backscatter.
 */
public final class MachineAddresses {
    private static final Set<String> EXACT = Set.of("mailer-daemon", "postmaster", "listserv", "majordomo",
            "nobody", "bounce", "bounces");
    private static final String[] PREFIXES = {"owner-", "bounce-", "bounces-", "bounce+", "bounces+", "bounce.",
            "mailer-daemon"};
    private static final String[] SUFFIXES = {"-request", "-owner", "-bounces", "-bounce"};
    private static final String[] CONTAINED = {"noreply", "donotreply", "dontreply"};

    private MachineAddresses() {
    }

    /** True when the address (or its local part) looks like a machine's. A null address is a machine (bounce). */
    public static boolean isMachine(String address) {
        if (address == null || address.isBlank()) {
            return true;
        }
        String local = HeaderText.localPartOf(HeaderText.clean(address).replace("<", "").replace(">", ""));
        if (EXACT.contains(local)) {
            return true;
        }
        for (String p : PREFIXES) {
            if (local.startsWith(p)) {
                return true;
            }
        }
        String unsubaddressed = local.contains("+") ? local.substring(0, local.indexOf('+')) : local;
        for (String s : SUFFIXES) {
            if (unsubaddressed.endsWith(s)) {
                return true;
            }
        }
        String squashed = local.replace("-", "").replace("_", "").replace(".", "");
        for (String c : CONTAINED) {
            if (squashed.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
