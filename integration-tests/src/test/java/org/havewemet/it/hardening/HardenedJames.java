package org.havewemet.it.hardening;

import org.apache.james.JamesServerExtension;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;

/**
 * The real James 3.8.1 memory server of {@link HaveWeMetJames}, with rate limits raised so that every deserved
 * reply really goes out, plus the {@link MailboxCensusProbe} that lets hardening tests count every delivered
 * message across all folders without going through IMAP.
 */
final class HardenedJames {
    static final String DOMAIN = HaveWeMetJames.DOMAIN;
    static final String USER = "demo@" + DOMAIN;
    static final String PASSWORD = HaveWeMetJames.PASSWORD;
    /** Fast index commits, and rate limits high enough that every deserved reply really goes out. */
    static final String BASE_YAML = HaveWeMetJames.TEST_YAML
        + "replies:\n  ratePerHour: 100000\n  globalRatePerHour: 1000000\n";

    private final HaveWeMetJames james;

    HardenedJames(OutsideWorld outside, String extraYaml) {
        this.james = new HaveWeMetJames(outside, BASE_YAML + extraYaml);
    }

    JamesServerExtension extension() {
        return james.extension(MailboxCensusProbe.class);
    }
}
