package org.havewemet.config;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How "Have we met?" replies are sent ({@code replies.*}).
 *
 * @param enabled           master switch; when false unexplained invitations are only filed
 * @param periodDays        an inviter is answered at most once per this many days (1..3650)
 * @param dryRun            decide and log, but send nothing
 * @param ratePerHour       replies per recipient user and hour (0 = hold every reply)
 * @param globalRatePerHour replies per hour for the whole server
 * @param optOut            user addresses that never send replies (compared case-insensitively)
 * @param aliases           user address to its alias addresses; mail to an alias counts as mail to the user
 * @param answerWaitDays    how long an inviter has to answer the question before the invitation is considered stale
 */
public record RepliesConfig(boolean enabled,
                            int periodDays,
                            boolean dryRun,
                            int ratePerHour,
                            int globalRatePerHour,
                            List<String> optOut,
                            Map<String, List<String>> aliases,
                            int answerWaitDays) {

    public RepliesConfig {
        optOut = List.copyOf(optOut);
        Map<String, List<String>> copy = new TreeMap<>();
        aliases.forEach((user, list) -> copy.put(user, List.copyOf(list)));
        aliases = Collections.unmodifiableMap(copy);
    }

    /** True when {@code address} (case-insensitive) asked never to send replies. */
    public boolean isOptedOut(String address) {
        if (address == null) {
            return false;
        }
        String wanted = address.trim().toLowerCase(Locale.ROOT);
        return optOut.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /**
     * The user an address belongs to: the user itself, or the user that lists it among its aliases; the address
     * unchanged (lower-cased) when it is nobody's alias.
     */
    public String canonicalUser(String address) {
        String wanted = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> entry : aliases.entrySet()) {
            Set<String> all = entry.getValue().stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            if (all.contains(wanted)) {
                return entry.getKey().toLowerCase(Locale.ROOT);
            }
        }
        return wanted;
    }
}
