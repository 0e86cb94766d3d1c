package org.havewemet.it.hardening.crash;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.havewemet.it.OutsideWorld;
import org.havewemet.it.hardening.RawSmtpClient;

/**
 * One crash run: start the persistent James, pour mixed mail in from several SMTP clients, {@code kill -9} it while
 * mail is still queued (and, with havewemet, after some replies reached the outside world), restart it on the same
 * data directory, wait until both queues are empty and delivery has stopped, stop it cleanly and read what was
 * delivered. The assertions are the test's; this only runs and measures.
 */
final class CrashScenario {
    static final String USER = PersistentJamesMain.USER;
    static final int CLIENTS = 4;
    static final int MAILS_PER_CLIENT = 250; // a cap the kill comes before (at most 800 sent so far)
    /** Mails waiting in the spool at the kill, at least: the kill must find work in progress. */
    static final int BACKLOG_AT_KILL = 40;
    /** Mails delivered before the kill, at least: the kill comes in the middle of the run. */
    static final int DELIVERED_BEFORE_KILL = 60;
    /** Replies at the outside world before the kill, at least (with havewemet). */
    static final int REPLIES_BEFORE_KILL = 10;

    /** What a run measured. */
    record Outcome(Map<String, MailLoad.Sent> sent, Instant killedAt, Instant restartedAt, long spoolAtKill,
                   long outgoingAtKill, long deliveredAtKill, int repliesAtKill, DeliveredMail.Contents delivered,
                   DeliveredMail.Contents errors, Duration loadToKill, Duration restartToDrained) {

        List<DeliveredMail.Delivery> deliveries() {
            return delivered.deliveries();
        }

        Set<String> ids(RawSmtpClient.Outcome outcome) {
            return sent.values().stream().filter(s -> s.outcome() == outcome).map(MailLoad.Sent::messageId)
                .collect(Collectors.toSet());
        }

        Set<String> invitations() {
            return sent.values().stream().filter(MailLoad.Sent::invitation).map(MailLoad.Sent::messageId)
                .collect(Collectors.toSet());
        }

        String summary() {
            return String.format("load average %s; sent %d: accepted %d, unknown %d, refused %d; killed %d ms into the load with %d"
                    + " in the spool, %d outgoing, %d delivered, %d replies out; restart to drained %d ms",
                loadAverage(), sent.size(), ids(RawSmtpClient.Outcome.ACCEPTED).size(), ids(RawSmtpClient.Outcome.UNKNOWN).size(),
                ids(RawSmtpClient.Outcome.REFUSED).size(), loadToKill.toMillis(), spoolAtKill, outgoingAtKill,
                deliveredAtKill, repliesAtKill, restartToDrained.toMillis());
        }
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
        int repliesAtKill;
        Instant loadStart;
        try (CrashableJames first = CrashableJames.start(data, outside.smtpPort(), withHaveWeMet, firstLog)) {
            load = new MailLoad(first.smtpPort(), USER, CLIENTS, MAILS_PER_CLIENT);
            loadStart = Instant.now();
            load.start();
            Awaitility.await("mail queued and replies sent, see " + firstLog.toAbsolutePath())
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> (!withHaveWeMet || outside.received().size() >= REPLIES_BEFORE_KILL)
                    && first.repositorySize("var/delivered") >= DELIVERED_BEFORE_KILL
                    && first.queueSize("spool") >= BACKLOG_AT_KILL);
            spoolAtKill = first.queueSize("spool");
            outgoingAtKill = first.queueSize("outgoing");
            deliveredAtKill = first.repositorySize("var/delivered");
            repliesAtKill = outside.received().size();
            killedAt = Instant.now();
            first.killHard();
            load.stopAndJoin();
        }

        Instant restart = Instant.now();
        try (CrashableJames second = CrashableJames.start(data, outside.smtpPort(), withHaveWeMet, secondLog)) {
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
            return new Outcome(load.sent(), killedAt, restart, spoolAtKill, outgoingAtKill, deliveredAtKill, repliesAtKill,
                DeliveredMail.read(data, PersistentConf.DELIVERED), DeliveredMail.read(data, PersistentConf.ERRORS),
                Duration.between(loadStart, killedAt), drained);
        }
    }

    /** The machine's load average (1, 5, 15 min): timings on a busy machine are noisy. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Every mail the outside world received: (recipient, Message-ID), one entry per recipient of each mail. */
    static List<Reply> replies(OutsideWorld outside) throws MessagingException {
        List<Reply> replies = new ArrayList<>();
        for (MimeMessage message : outside.received()) {
            Address[] to = message.getAllRecipients();
            for (Address address : to == null ? new Address[0] : to) {
                replies.add(new Reply(((InternetAddress) address).getAddress(), message.getMessageID()));
            }
        }
        return replies;
    }

    /** One mail received by the outside world. */
    record Reply(String recipient, String messageId) {
    }
}
