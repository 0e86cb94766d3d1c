package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.mail.Address;
import javax.mail.MessagingException;

import org.awaitility.Awaitility;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.it.OutsideWorld;
import org.havewemet.reply.ReplyLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server while direct invitations from distinct inviters pour in, then a restart on the same
 * data directory and the same invitations sent again: the index opens and answers, and the reply ledger keeps
 * everyone answered before the crash from a second reply. The embedded server's mail queues are persistent, so a
 * reply that was queued before the kill may be sent again after the restart (at least once): replies are counted by
 * their Message-ID, the ledger must never let a second one be composed. Mailboxes after a kill are checked by
 * {@link PersistentServeIT}.
 */
class CrashRecoveryIT {
    static final String USER = "demo@havewemet.test";
    static final int INVITATIONS = 60;

    @RegisterExtension
    static OutsideWorld outside = new OutsideWorld();

    @TempDir
    Path data;

    @Test
    void indexAndLedgerShouldSurviveKillDashNineWithoutADuplicateReply() throws Exception {
        Files.createDirectories(data.resolve("conf"));
        Files.writeString(data.resolve("conf/havewemet.yaml"), HardenedJames.BASE_YAML);
        Path logs = Files.createDirectories(Path.of("target"));
        Path log = logs.resolve("crash-recovery-serve-1.log");
        Path restartLog = logs.resolve("crash-recovery-serve-2.log");
        Files.deleteIfExists(log);
        Files.deleteIfExists(restartLog);

        Set<String> repliedBeforeCrash;
        try (ServeProcess first = ServeProcess.start(data, outside.smtpPort(), log)) {
            AtomicBoolean killed = new AtomicBoolean();
            Thread sender = new Thread(() -> sendAll(first.smtpPort, killed));
            sender.start();
            Awaitility.await("replies before the crash, see " + log.toAbsolutePath()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20)).until(() -> repliesByInviter().size() >= INVITATIONS / 4);
            first.killHard();
            killed.set(true);
            sender.join(30_000);
            repliesByInviter().values().forEach(count -> assertThat(count).isOne());
            repliedBeforeCrash = repliesByInviter().keySet();
        }
        assertThat(repliedBeforeCrash).as("the crash came in the middle of the run").hasSizeLessThan(INVITATIONS);

        try (ServeProcess second = ServeProcess.start(data, outside.smtpPort(), restartLog)) {
            Map<RawSmtpClient.Outcome, Integer> outcomes = sendAll(second.smtpPort, new AtomicBoolean());
            assertThat(outcomes).as("after the restart").containsOnlyKeys(RawSmtpClient.Outcome.ACCEPTED);
            Path index = data.resolve("var/havewemet/index");
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> {
                        try (ReadOnlyInvitationIndex reader = InvitationIndex.openReadOnly(index)) {
                            return reader.count(USER) == INVITATIONS;
                        }
                    });
            } catch (org.awaitility.core.ConditionTimeoutException hang) {
                second.dumpThreads();
                throw hang;
            }
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> repliesByInviter().size() >= repliedBeforeCrash.size());
            second.stop();
        }

        Map<String, Long> replies = repliesByInviter();
        System.out.printf("CrashRecoveryIT: %d invitations, %d inviters answered at the outside world before the kill, "
            + "%d after the restart and resend; none twice%n", INVITATIONS, repliedBeforeCrash.size(), replies.size());
        assertThat(replies).as("at most one reply per inviter, crash or not")
            .allSatisfy((inviter, count) -> assertThat(count).as(inviter).isOne());
        assertThat(replies.keySet()).as("inviters answered before the crash").containsAll(repliedBeforeCrash);
        assertThat(replies.size()).as("replying resumed after the restart").isGreaterThan(repliedBeforeCrash.size());
        try (ReadOnlyInvitationIndex reader = InvitationIndex.openReadOnly(data.resolve("var/havewemet/index"))) {
            assertThat(reader.count(USER)).as("one document per invitation, resending updated them").isEqualTo(INVITATIONS);
            assertThat(reader.search(USER, "Person", org.havewemet.index.SortOrder.DATE, 5, 0).total()).isPositive();
        }
        try (ReplyLedger ledger = ReplyLedger.open(ReplyLedger.defaultDirectory(data))) {
            for (String inviter : replies.keySet()) {
                assertThat(ledger.isAnsweredWithin(USER, inviter, Instant.now(), Duration.ofDays(30))).as(inviter).isTrue();
            }
        }
    }

    private static Map<RawSmtpClient.Outcome, Integer> sendAll(int port, AtomicBoolean stop) {
        Map<RawSmtpClient.Outcome, Integer> outcomes = new java.util.EnumMap<>(RawSmtpClient.Outcome.class);
        try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", port)) {
            for (int n = 0; n < INVITATIONS && !stop.get(); n++) {
                outcomes.merge(smtp.send(inviter(n), USER, invitation(n)), 1, Integer::sum);
            }
        }
        return outcomes;
    }

    /** Distinct replies (by Message-ID) per inviter: a copy of one reply sent again by James' queue is not another. */
    private static Map<String, Long> repliesByInviter() {
        Map<String, Set<String>> ids = outside.received().stream().flatMap(message -> {
            try {
                Address[] to = message.getAllRecipients();
                String id = message.getMessageID();
                return to == null ? java.util.stream.Stream.<String[]>empty()
                    : Arrays.stream(to).map(address -> new String[] {address.toString(), id});
            } catch (MessagingException e) {
                return java.util.stream.Stream.<String[]>of(new String[] {"unreadable", "unreadable"});
            }
        }).collect(Collectors.groupingBy(pair -> pair[0], ConcurrentHashMap::new,
            Collectors.mapping(pair -> pair[1], Collectors.toSet())));
        Map<String, Long> counts = new ConcurrentHashMap<>();
        ids.forEach((inviter, replies) -> counts.put(inviter, (long) replies.size()));
        return counts;
    }

    static String inviter(int n) {
        return "crash-inviter-" + n + "@example.org";
    }

    static byte[] invitation(int n) {
        return ("From: Person " + n + " <" + inviter(n) + ">\r\nTo: " + USER + "\r\n"
            + "Subject: Invitation to connect on LinkedIn\r\nDate: Thu, 14 Jul 2016 08:00:00 +0000\r\n"
            + "Message-ID: <crash-" + n + "@mail.example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nDemo,\r\n\r\n"
            + "I'd like to add you to my professional network on LinkedIn.\r\n\r\n- Person " + n + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    }
}
