package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code havewemet serve} keeps its mail under {@code --data}: mailboxes, users and the mail queue survive a stop
 * and a {@code kill -9}. The server runs as {@code serve} itself, in a child JVM ({@link ServeProcess}), on free
 * ports; everything is checked from outside, over SMTP, IMAP and WebAdmin.
 */
class PersistentServeIT {
    static final String USER = "demo@havewemet.test";
    static final String PASSWORD = "demo";
    static final String UNEXPLAINED = "Invitations.Unexplained";
    static final String PRIORITY = "Invitations.Priority";
    static final String DRAFTS = "Drafts";
    /** James' spool threads in serve (ServerSettings.demo): at most this many mails are in flight at a kill. */
    static final int SPOOL_THREADS = 4;
    static final int MAILS_BEFORE_KILL = 40;

    @RegisterExtension
    static OutsideWorld outside = new OutsideWorld();

    @TempDir
    Path data;

    @Test
    void serveShouldShowTheSameFoldersMessagesUsersAndAliasesWhenStoppedAndStartedAgain() throws Exception {
        MailboxSnapshot beforeStop;
        try (ServeProcess first = ServeProcess.start(data, outside.smtpPort(), log("persistent-serve-1.log"))) {
            try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", first.smtpPort)) {
                for (String mail : List.of("linkedin-2016-personal.eml", "linkedin-2016-unexplained.eml",
                    "direct-unexplained.eml", "not-invitation.eml")) {
                    assertThat(smtp.send("sender@example.org", USER, resource(mail))).as(mail)
                        .isEqualTo(RawSmtpClient.Outcome.ACCEPTED);
                }
            }
            await().untilAsserted(() -> {
                MailboxSnapshot now = MailboxSnapshot.read(first.imapPort, USER, PASSWORD);
                assertThat(List.of(now.count(TestIMAPClient.INBOX), now.count(PRIORITY), now.count(UNEXPLAINED),
                    now.count(DRAFTS))).as("INBOX, Priority, Unexplained, Drafts in " + now).containsExactly(1, 1, 2, 1);
            });
            await().until(() -> outside.received().size() == 1); // the reply left through the persistent queue
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", first.imapPort).login(USER, PASSWORD);
                imap.create("Archive");
                imap.select(TestIMAPClient.INBOX);
                imap.sendCommand("STORE 1 +FLAGS (\\Flagged)");
            }
            assertThat(put(first.webadminPort, "/users/alice@havewemet.test", "{\"password\":\"alice-secret\"}"))
                .isEqualTo(204);
            assertThat(put(first.webadminPort, "/address/aliases/" + USER + "/sources/hello@havewemet.test", ""))
                .isEqualTo(204);
            beforeStop = MailboxSnapshot.read(first.imapPort, USER, PASSWORD);
            first.stop();
        }
        assertThat(beforeStop.folders()).containsKeys("Archive", TestIMAPClient.INBOX, PRIORITY, UNEXPLAINED, DRAFTS);
        assertThat(beforeStop.folders().get(TestIMAPClient.INBOX)).singleElement().asString().contains("\\Flagged");

        try (ServeProcess second = ServeProcess.start(data, outside.smtpPort(), log("persistent-serve-2.log"))) {
            MailboxSnapshot afterRestart = MailboxSnapshot.read(second.imapPort, USER, PASSWORD);
            System.out.printf("PersistentServeIT: after a stop and a start, %s%n", afterRestart.folders());
            assertThat(afterRestart).as("folders, messages and flags after the restart").isEqualTo(beforeStop);
            assertThat(MailboxSnapshot.read(second.imapPort, "alice@havewemet.test", "alice-secret").folders())
                .as("a user added through WebAdmin logs in after the restart").isNotNull();
            assertThat(get(second.webadminPort, "/address/aliases/" + USER)).as("an alias added through WebAdmin")
                .contains("hello@havewemet.test");
            assertThat(outside.received()).as("the reply was not sent again").hasSize(1);
            second.stop();
        }
    }

    @Test
    void everyMailAcceptedBeforeAKillDashNineShouldBeInItsFolderAfterTheRestart() throws Exception {
        Path firstLog = log("persistent-serve-kill-1.log");
        Map<String, String> expectedFolder = new LinkedHashMap<>();
        try (ServeProcess first = ServeProcess.start(data, outside.smtpPort(), firstLog)) {
            try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", first.smtpPort)) {
                for (int n = 0; n < MAILS_BEFORE_KILL; n++) {
                    boolean invitation = n % 2 == 0;
                    String id = "<persist-" + n + "@example.org>";
                    RawSmtpClient.Outcome outcome = smtp.send(sender(n), USER,
                        invitation ? invitation(n, id) : plain(n, id));
                    assertThat(outcome).as("mail %d: %s", n, smtp.lastProblem()).isEqualTo(RawSmtpClient.Outcome.ACCEPTED);
                    expectedFolder.put(id, invitation ? UNEXPLAINED : TestIMAPClient.INBOX);
                }
            }
            first.killHard(); // right after the last 250: most of these mails are still in the spool
        }
        long triagedBeforeKill = Files.readAllLines(firstLog, StandardCharsets.UTF_8).stream()
            .filter(line -> line.contains("havewemet verdict")).count();

        try (ServeProcess second = ServeProcess.start(data, outside.smtpPort(), log("persistent-serve-kill-2.log"))) {
            MailboxSnapshot[] last = new MailboxSnapshot[1];
            await().untilAsserted(() -> {
                last[0] = MailboxSnapshot.read(second.imapPort, USER, PASSWORD);
                assertThat(last[0].foldersById().keySet()).as("accepted mails delivered after the restart")
                    .containsAll(expectedFolder.keySet());
            });
            Map<String, List<String>> foldersById = last[0].foldersById();
            List<String> duplicated = new ArrayList<>();
            expectedFolder.forEach((id, folder) -> {
                assertThat(foldersById.get(id)).as(id).containsOnly(folder);
                if (foldersById.get(id).size() > 1) {
                    duplicated.add(id);
                }
            });
            System.out.printf("PersistentServeIT: %d mails accepted, %d invitations of %d triaged before the kill -9;"
                    + " after the restart all %d in their folders, %d twice (in flight at the kill: %s)%n",
                expectedFolder.size(), triagedBeforeKill, expectedFolder.size() / 2, expectedFolder.size(),
                duplicated.size(), duplicated);
            assertThat(foldersById.keySet()).as("nothing delivered that was not sent")
                .isSubsetOf(expectedFolder.keySet());
            assertThat(duplicated).as("at least once: only mails in flight at the kill come twice")
                .hasSizeLessThanOrEqualTo(SPOOL_THREADS);
            second.stop();
        }
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
            .ignoreExceptions();
    }

    private static Path log(String name) throws IOException {
        Path log = Files.createDirectories(Path.of("target")).resolve(name);
        Files.deleteIfExists(log);
        return log;
    }

    private static int put(int webadminPort, String path, String json) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webadminPort + path))
            .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(int webadminPort, String path) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webadminPort + path)).build();
        return HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PersistentServeIT.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IOException("no test mail /mails/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static String sender(int n) {
        return "persist-sender-" + n + "@example.org";
    }

    /** A direct request without a word of explanation: UNEXPLAINED, answered through the outbound relay. */
    private static byte[] invitation(int n, String messageId) {
        return mail(n, messageId, "Invitation to connect on LinkedIn",
            "Demo,\r\n\r\nI'd like to add you to my professional network on LinkedIn.\r\n\r\n- Person " + n + "\r\n");
    }

    private static byte[] plain(int n, String messageId) {
        return mail(n, messageId, "Minutes of meeting " + n, "Hi,\r\n\r\nthe minutes are below.\r\n");
    }

    private static byte[] mail(int n, String messageId, String subject, String body) {
        return ("From: Person " + n + " <" + sender(n) + ">\r\nTo: " + USER + "\r\nSubject: " + subject + "\r\n"
            + "Date: Thu, 14 Jul 2016 08:00:00 +0000\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
