package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The long fail-open run, excluded from the default build: 10,000 mails of which 1,000 malformed and three of
 * 50 MB, from 4 concurrent SMTP clients. Run it with
 * {@code mvn -pl integration-tests -am verify -Dit.test='FailOpenSoakIT' -Dgroups=soak -DexcludedGroups=}.
 */
@Tag("soak")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailOpenSoakIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HardenedJames.server("", HardenedJames.USER);

    @Test
    void everyAcceptedMailShouldBeDeliveredExactlyOnceOverTenThousandMails(GuiceJamesServer server) throws Exception {
        HostileTraffic traffic = new HostileTraffic(10_000, 1_000, List.of(50_000_000, 50_000_000, 50_000_000), 4);
        long start = System.nanoTime();

        HostileTraffic.Sent sent = traffic.send(server);
        int stored = HostileTraffic.assertDeliveredExactlyOnce(server, sent, Duration.ofMinutes(45));

        System.out.printf("FailOpenSoakIT: sent %d (%d malformed, 3 x 50 MB), accepted %d, refused %d, unknown %d, "
            + "stored %d, sending took %s, until all stored %s%n", traffic.total(), traffic.malformed(),
            sent.accepted().size(), sent.refused().size(), sent.unknown().size(), stored, sent.took(),
            Duration.ofNanos(System.nanoTime() - start));
        System.out.println("FailOpenSoakIT: refused " + sent.refused());
        assertThat(sent.refused()).as("every mail is SMTP-legal, so James takes them all to our mailet").isEmpty();
        FailOpenSmallIT.assertServerStillTakesMail(server);
    }
}
