package org.havewemet.config;

import java.util.Objects;

/**
 * Admin-supplied patterns ({@code patterns.*}), compiled with RE2/J so that no pattern can hang the mail flow.
 *
 * @param neverAnswer    inviter addresses matching any of these never get a reply
 * @param alwaysPriority inviter addresses matching any of these are always filed as priority
 */
public record PatternsConfig(PatternList neverAnswer, PatternList alwaysPriority) {
    public PatternsConfig {
        Objects.requireNonNull(neverAnswer, "neverAnswer");
        Objects.requireNonNull(alwaysPriority, "alwaysPriority");
    }
}
