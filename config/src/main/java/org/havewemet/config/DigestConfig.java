package org.havewemet.config;

import java.util.Objects;

/**
 * The invitation digest ({@code digest.*}).
 *
 * @param schedule off, daily or weekly
 * @param hour     local hour of day (0-23) the digest is sent at
 */
public record DigestConfig(DigestSchedule schedule, int hour) {
    public DigestConfig {
        Objects.requireNonNull(schedule, "schedule");
    }
}
