package org.havewemet.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Mass inviters across the domain ({@code bulk.*}): one inviter who invites many of the server's users in a short
 * time (recruiters, list builders).
 *
 * @param users   distinct users that make an inviter a mass inviter (0 turns detection off)
 * @param window  the time those users must fall within, like {@code 24h}, {@code 90m} or {@code 2d}
 * @param verdict what their invitations become: UNEXPLAINED (default) or SUSPICIOUS (to Spam)
 */
public record BulkConfig(int users, String window, BulkVerdict verdict) {
    /** {@code 24h}, {@code 90m}, {@code 2d}: a whole number and a unit, minutes, hours or days. */
    static final String WINDOW_SHAPE = "[1-9][0-9]{0,5}[mhd]";

    public BulkConfig {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean enabled() {
        return users > 0;
    }

    /** The window as a duration. */
    public Duration windowDuration() {
        String text = window.trim().toLowerCase(Locale.ROOT);
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
