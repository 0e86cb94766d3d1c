package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.james.GuiceJamesServer;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fail-open under hostile input, small enough for every build: 200 mails of which 40 malformed and one of 5 MB,
 * from 3 concurrent SMTP clients; every accepted mail is delivered exactly once and James keeps taking mail.
 * {@link FailOpenSoakIT} is the same with 10,000 mails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailOpenSmallIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HardenedJames.server("", HardenedJames.USER);

    @Test
    void everyAcceptedMailShouldBeDeliveredExactlyOnceWhenAFifthIsMalformed(GuiceJamesServer server) throws Exception {
        HostileTraffic traffic = new HostileTraffic(200, 40, List.of(5_000_000), 3);

        HostileTraffic.Sent sent = traffic.send(server);
        int stored = HostileTraffic.assertDeliveredExactlyOnce(server, sent, Duration.ofSeconds(60));

        System.out.printf("FailOpenSmallIT: sent %d (%d malformed), accepted %d, refused %d, unknown %d, stored %d, "
            + "sending took %s%n", traffic.total(), traffic.malformed(), sent.accepted().size(), sent.refused().size(),
            sent.unknown().size(), stored, sent.took());
        System.out.println("FailOpenSmallIT: refused " + sent.refused());
        assertThat(sent.refused()).as("every mail is SMTP-legal, so James takes them all to our mailet").isEmpty();
        assertServerStillTakesMail(server);
    }

    static void assertServerStillTakesMail(GuiceJamesServer server) throws Exception {
        HostileTraffic.Sent after = new HostileTraffic(1, 0, List.of(), 1).send(server);
        assertThat(after.accepted()).hasSize(1);
    }
}
