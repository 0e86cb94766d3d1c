package org.havewemet.config;

import java.util.Locale;

/** How often users get a digest of their invitations ({@code digest.schedule}: off, daily, weekly). */
public enum DigestSchedule {
    OFF, DAILY, WEEKLY;

    /** The spelling used in the YAML file. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
