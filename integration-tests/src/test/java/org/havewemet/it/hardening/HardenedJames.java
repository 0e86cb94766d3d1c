package org.havewemet.it.hardening;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;

/**
 * The hardening tests' {@link HaveWeMetServer}: rate limits raised so that every deserved reply really goes out,
 * plus the {@link MailboxCensusProbe} that lets them count every delivered message across all folders without
 * going through IMAP.
 */
final class HardenedJames {
    static final String DOMAIN = HaveWeMetJames.DOMAIN;
    static final String USER = "demo@" + DOMAIN;
    static final String PASSWORD = HaveWeMetJames.PASSWORD;
    /** Fast index commits, and rate limits high enough that every deserved reply really goes out. */
    static final String BASE_YAML = HaveWeMetJames.TEST_YAML
        + "replies:\n  ratePerHour: 100000\n  globalRatePerHour: 1000000\n";

    private HardenedJames() {
    }

    static HaveWeMetServer server(String extraYaml, String... users) {
        return HaveWeMetServer.withUsers(users).yaml(BASE_YAML + extraYaml).probes(MailboxCensusProbe.class);
    }
}
