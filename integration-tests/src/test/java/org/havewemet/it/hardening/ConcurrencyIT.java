package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.mail.Address;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.awaitility.Awaitility;
import org.havewemet.index.InvitationIndex;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 8 SMTP clients send 50 direct invitations each at once (300 inviters, 100 of them inviting twice), processed by
 * the configured spool threads: every invitation is indexed once, every inviter gets exactly one reply, and
 * nothing deadlocks (everything completes within a bound).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {
    static final int CLIENTS = 8;
    static final int PER_CLIENT = 50;
    static final int INVITERS = 300;

    @RegisterExtension
    static final HaveWeMetServer JAMES = HardenedJames.server("", HardenedJames.USER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @Test
    void concurrentInvitationsShouldBeIndexedOnceAndAnsweredOncePerInviter(GuiceJamesServer server) throws Exception {
        int port = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", port)) {
                    for (int i = 0; i < PER_CLIENT; i++) {
                        int n = client * PER_CLIENT + i;
                        if (smtp.send(inviter(n), HardenedJames.USER, invitation(n))
                            == RawSmtpClient.Outcome.ACCEPTED) {
                            accepted.add("conc-" + n);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(accepted).hasSize(CLIENTS * PER_CLIENT);

        InvitationIndex index = server.getProbe(HaveWeMetProbe.class).runtime().index();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
            .until(() -> index.count(HardenedJames.USER) >= CLIENTS * PER_CLIENT
                && repliesByInviter().size() >= INVITERS);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> repliesByInviter().values().stream().allMatch(count -> count == 1));

        assertThat(index.count(HardenedJames.USER)).as("one document per invitation").isEqualTo(CLIENTS * PER_CLIENT);
        Map<String, Long> replies = repliesByInviter();
        assertThat(replies).hasSize(INVITERS).allSatisfy((inviter, count) -> assertThat(count).as(inviter).isOne());
    }

    private static Map<String, Long> repliesByInviter() {
        return OUTSIDE.received().stream().flatMap(ConcurrencyIT::recipients)
            .collect(Collectors.groupingBy(address -> address, Collectors.counting()));
    }

    private static java.util.stream.Stream<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? java.util.stream.Stream.empty()
                : java.util.Arrays.stream(all).map(Object::toString);
        } catch (javax.mail.MessagingException e) {
            return java.util.stream.Stream.of("unreadable");
        }
    }

    static String inviter(int n) {
        return "inviter-" + (n % INVITERS) + "@example.org";
    }

    static byte[] invitation(int n) {
        int who = n % INVITERS;
        return ("From: Person " + who + " <" + inviter(n) + ">\r\nTo: " + HardenedJames.USER + "\r\n"
            + "Subject: Invitation to connect on LinkedIn\r\nDate: Thu, 14 Jul 2016 08:00:00 +0000\r\n"
            + "Message-ID: <conc-" + n + "@mail.example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nDemo,\r\n\r\n"
            + "I'd like to add you to my professional network on LinkedIn.\r\n\r\n- Person " + who + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    }
}
