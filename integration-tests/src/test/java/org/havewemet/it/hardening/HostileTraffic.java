package org.havewemet.it.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends a mix of well-formed, malformed and big mails through the real SMTP server from several concurrent clients,
 * then proves fail-open: every accepted mail is stored exactly once (counted by {@code X-Soak-Id} across every
 * folder), nothing is stored that was not sent, and the server still takes mail afterwards.
 *
 * @param total     mails in all, including the malformed and big ones
 * @param malformed how many of them are malformed (spread evenly)
 * @param bigSizes  body sizes of the big mails, sent among the well-formed ones
 * @param clients   concurrent SMTP connections
 */
record HostileTraffic(int total, int malformed, List<Integer> bigSizes, int clients) {

    /** What happened on the wire. */
    record Sent(Set<String> accepted, Set<String> unknown, Map<String, String> refused, Duration took) {
    }

    Sent send(GuiceJamesServer server) throws Exception {
        int port = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> unknown = ConcurrentHashMap.newKeySet();
        Map<String, String> refused = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        int malformedEvery = malformed == 0 ? Integer.MAX_VALUE : total / malformed;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long seed = c;
            running.add(pool.submit(() -> {
                Random random = new Random(seed);
                try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", port)) {
                    for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        String id = "soak-" + n;
                        byte[] mail;
                        if (n % malformedEvery == 0 && n / malformedEvery < malformed) {
                            mail = HostileMails.malformed(id, n / malformedEvery, random);
                        } else if (n % malformedEvery == 1 && n / malformedEvery < bigSizes.size()) {
                            mail = HostileMails.big(id, n, bigSizes.get(n / malformedEvery));
                        } else {
                            mail = HostileMails.wellFormed(id, n);
                        }
                        switch (smtp.send(HostileMails.envelopeSender(n), HardenedJames.USER, mail)) {
                            case ACCEPTED -> accepted.add(id);
                            case UNKNOWN -> unknown.add(id);
                            case REFUSED -> refused.put(id, smtp.lastProblem());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(60, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return new Sent(accepted, unknown, refused, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Waits until every accepted mail is stored, then checks for a few more seconds that nothing arrives twice.
     *
     * @return the number of stored soak mails
     */
    static int assertDeliveredExactlyOnce(GuiceJamesServer server, Sent sent, Duration atMost) throws Exception {
        MailboxCensusProbe census = server.getProbe(MailboxCensusProbe.class);
        // poll the cheap count; read every header only once the count says all could be there
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(2))
            .until(() -> census.messageCountExcluding(HardenedJames.USER, "Drafts") >= sent.accepted().size()
                && stored(census).keySet().containsAll(sent.accepted()));
        long copies = census.messageCountExcluding(HardenedJames.USER, "Drafts");
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
            .until(() -> census.messageCountExcluding(HardenedJames.USER, "Drafts") == copies);
        Map<String, Integer> stored = stored(census);
        assertThat(stored).as("stored more than once").allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1));
        assertThat(sent.accepted()).as("every accepted mail is stored").isSubsetOf(stored.keySet());
        Set<String> sentOrMaybe = new HashSet<>(sent.accepted());
        sentOrMaybe.addAll(sent.unknown());
        assertThat(stored.keySet()).as("nothing stored that was refused: %s", sent.refused()).isSubsetOf(sentOrMaybe);
        return stored.size();
    }

    /** Soak id -> how many stored copies, over every folder but Drafts (drafts are our own mail, not deliveries). */
    static Map<String, Integer> stored(MailboxCensusProbe census) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        census.headerValuesByFolder(HardenedJames.USER, HostileMails.ID_HEADER).forEach((folder, ids) -> {
            if (!folder.equalsIgnoreCase("Drafts")) {
                ids.stream().filter(id -> !id.isEmpty()).forEach(id -> counts.merge(id, 1, Integer::sum));
            }
        });
        return counts;
    }
}
