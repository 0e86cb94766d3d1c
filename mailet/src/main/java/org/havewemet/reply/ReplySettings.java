package org.havewemet.reply;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The policy's settings, taken from the configuration by the caller.
 *
 * @param enabled       replies on at all
 * @param dryRun        decide and log, send nothing (REPLY becomes DRY_RUN)
 * @param optedOutUsers users who never get automatic replies (compared case-insensitively)
 * @param neverAnswer   true for addresses never to answer (e.g. compiled from configured patterns)
 * @param answerOncePer one reply per (user, inviter) within this period
 */
public record ReplySettings(boolean enabled, boolean dryRun, Set<String> optedOutUsers,
                            Predicate<String> neverAnswer, Duration answerOncePer) {
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(365);

    public ReplySettings {
        optedOutUsers = optedOutUsers == null ? Set.of() : optedOutUsers.stream()
                .map(u -> u.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        neverAnswer = neverAnswer == null ? address -> false : neverAnswer;
        answerOncePer = answerOncePer == null ? DEFAULT_PERIOD : answerOncePer;
    }

    /** Enabled, sending for real, nobody opted out, no patterns, once a year per inviter. */
    public static ReplySettings defaults() {
        return new ReplySettings(true, false, Set.of(), null, DEFAULT_PERIOD);
    }

    public boolean isOptedOut(String user) {
        return user != null && optedOutUsers.contains(user.trim().toLowerCase(Locale.ROOT));
    }
}
