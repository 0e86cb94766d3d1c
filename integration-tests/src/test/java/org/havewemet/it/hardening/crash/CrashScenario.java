package org.havewemet.it.hardening.crash;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.havewemet.it.OutsideWorld;

/**
 * One crash run: start the persistent James, pour mixed mail in from several SMTP clients, {@code kill -9} it while
 * mail is still queued (and, with havewemet, after some replies reached the outside world), restart it on the same
 * data directory, wait until both queues are empty and delivery has stopped, stop it cleanly and read what was
 * delivered. The assertions are the test's; this only runs and measures.
 */
final class CrashScenario {
    static final String USER = PersistentJamesMain.USER;
    static final int CLIENTS = 4;
    static final int MAILS_PER_CLIENT = 250;
    /** Mails waiting in the spool at the kill, at least: the kill must find work in progress. */
    static final int BACKLOG_AT_KILL = 20;
    /** Replies at the outside world before the kill, at least (with havewemet). */
    static final int REPLIES_BEFORE_KILL = 10;

    /** What a run measured. */
    record Outcome(Map<String, MailLoad.Sent> sent, Instant killedAt, long spoolAtKill, long outgoingAtKill,
                   long deliveredAtKill, List<String> repliesAtKill, List<DeliveredMail.Delivery> deliveries,
                   List<DeliveredMail.Delivery> errors, Duration loadToKill, Duration restartToDrained) {
    }

    private CrashScenario() {
    }

    static Outcome run(Path data, OutsideWorld outside, boolean withHaveWeMet, String name) throws Exception {
        Files.createDirectories(data.resolve("conf"));
        try (InputStream yaml = CrashScenario.class.getResourceAsStream("/crash/havewemet.yaml")) {
            Files.write(data.resolve("conf/havewemet.yaml"), yaml.readAllBytes());
        }
        Path logs = Files.createDirectories(Path.of("target", "crash"));
        Path firstLog = logs.resolve(name + "-1.log");
        Path secondLog = logs.resolve(name + "-2.log");
        Files.deleteIfExists(firstLog);
        Files.deleteIfExists(secondLog);

        MailLoad load;
        Instant killedAt;
        long spoolAtKill;
        long outgoingAtKill;
        long deliveredAtKill;
        List<String> repliesAtKill;
        Instant loadStart;
        try (PersistentJamesProcess first = PersistentJamesProcess.start(data, outside.smtpPort(), withHaveWeMet, firstLog)) {
            load = new MailLoad(first.smtpPort(), USER, CLIENTS, MAILS_PER_CLIENT);
            loadStart = Instant.now();
            load.start();
            Awaitility.await("mail queued and replies sent, see " + firstLog.toAbsolutePath())
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> (!withHaveWeMet || outside.received().size() >= REPLIES_BEFORE_KILL)
                    && first.queueSize("spool") >= BACKLOG_AT_KILL);
            spoolAtKill = first.queueSize("spool");
            outgoingAtKill = first.queueSize("outgoing");
            deliveredAtKill = first.repositorySize("var/delivered");
            repliesAtKill = recipients(outside);
            killedAt = Instant.now();
            first.killHard();
            load.stopAndJoin();
        }

        Instant restart = Instant.now();
        try (PersistentJamesProcess second = PersistentJamesProcess.start(data, outside.smtpPort(), withHaveWeMet, secondLog)) {
            AtomicLong lastDelivered = new AtomicLong(-1);
            AtomicLong idlePolls = new AtomicLong();
            Awaitility.await("queues drained after the restart, see " + secondLog.toAbsolutePath())
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> { // both queues empty and nothing delivered for three polls in a row
                    long delivered = second.repositorySize("var/delivered");
                    boolean idle = second.queueSize("spool") == 0 && second.queueSize("outgoing") == 0
                        && delivered == lastDelivered.getAndSet(delivered);
                    return idlePolls.updateAndGet(n -> idle ? n + 1 : 0) >= 3;
                });
            Duration drained = Duration.between(restart, Instant.now());
            second.stop();
            return new Outcome(load.sent(), killedAt, spoolAtKill, outgoingAtKill, deliveredAtKill, repliesAtKill,
                DeliveredMail.read(data, PersistentConf.DELIVERED), DeliveredMail.read(data, PersistentConf.ERRORS),
                Duration.between(loadStart, killedAt), drained);
        }
    }

    /** The recipient of every mail the outside world received so far, one entry per mail. */
    static List<String> recipients(OutsideWorld outside) {
        return outside.received().stream().flatMap(CrashScenario::recipientsOf).toList();
    }

    private static java.util.stream.Stream<String> recipientsOf(MimeMessage message) {
        try {
            javax.mail.Address[] to = message.getAllRecipients();
            return to == null ? java.util.stream.Stream.of("(none)")
                : java.util.Arrays.stream(to).map(a -> ((javax.mail.internet.InternetAddress) a).getAddress());
        } catch (javax.mail.MessagingException e) {
            return java.util.stream.Stream.of("(unreadable)");
        }
    }
}
