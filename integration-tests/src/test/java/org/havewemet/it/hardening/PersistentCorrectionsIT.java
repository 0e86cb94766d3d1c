package org.havewemet.it.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correction listener on {@code havewemet serve}'s own storage (JPA mailboxes under {@code --data}), over IMAP
 * from outside: a MOVE is a correction; a COPY made before a stop and expunged after the start is one too (the
 * pending copy was kept under var/havewemet/).
 */
class PersistentCorrectionsIT {
    static final String USER = PersistentServeIT.USER;
    static final String UNEXPLAINED = PersistentServeIT.UNEXPLAINED;
    static final String LINKEDIN = "<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>";
    static final String DIRECT = "<direct-2016-c3@mail.example.org>";
    static final Pattern SEARCH_HIT = Pattern.compile("\\* SEARCH (\\d+)");
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static OutsideWorld outside = new OutsideWorld();

    @TempDir
    Path data;

    @Test
    void moveAndCopyThenExpungeAcrossARestartShouldBothBeCorrectionsOnServesStorage() throws Exception {
        try (ServeProcess first = ServeProcess.start(data, outside.smtpPort(), log("persistent-corrections-1.log"))) {
            try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", first.smtpPort)) {
                for (String mail : new String[] {"linkedin-2016-unexplained.eml", "direct-unexplained.eml"}) {
                    assertThat(smtp.send("sender@example.org", USER, resource(mail))).as(mail)
                        .isEqualTo(RawSmtpClient.Outcome.ACCEPTED);
                }
            }
            await().untilAsserted(() -> assertThat(MailboxSnapshot.read(first.imapPort, USER,
                PersistentServeIT.PASSWORD).count(UNEXPLAINED)).isEqualTo(2));

            imap(first.imapPort, LINKEDIN, "MOVE {n} " + PersistentServeIT.PRIORITY);
            await().untilAsserted(() -> assertThat(corrected(first.webadminPort)).isEqualTo(1));
            imap(first.imapPort, DIRECT, "COPY {n} Spam");
            first.stop();
        }
        assertThat(data.resolve("var/havewemet/pending-copies.jsonl")).content().contains("\"folder\":\"SPAM\"");

        try (ServeProcess second = ServeProcess.start(data, outside.smtpPort(), log("persistent-corrections-2.log"))) {
            imap(second.imapPort, DIRECT, "STORE {n} +FLAGS (\\Deleted)", "EXPUNGE");

            await().untilAsserted(() -> {
                JsonNode hits = search(second.webadminPort, "status:corrected").get("hits");
                assertThat(hits).hasSize(2);
                List<String> verdicts = new ArrayList<>();
                for (JsonNode hit : hits) {
                    verdicts.add(hit.get("verdict").asText());
                    assertThat(hit.get("correction").get("by").asText()).isEqualTo(USER);
                }
                assertThat(verdicts).containsExactlyInAnyOrder("PERSONAL", "SUSPICIOUS");
            });
            second.stop();
        }
    }

    /** In Unexplained, finds the message by Message-ID and runs the commands on its sequence number. */
    private static void imap(int port, String messageId, String... commands) throws IOException {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", port).login(USER, PersistentServeIT.PASSWORD);
            for (String target : new String[] {"Spam", PersistentServeIT.PRIORITY}) {
                imap.sendCommand("CREATE " + target); // NO when it exists already: fine
            }
            imap.select(UNEXPLAINED);
            Matcher hit = SEARCH_HIT.matcher(imap.sendCommand("SEARCH HEADER Message-ID \"" + messageId + "\""));
            assertThat(hit.find()).as(messageId + " in " + UNEXPLAINED).isTrue();
            for (String command : commands) {
                assertThat(imap.sendCommand(command.replace("{n}", hit.group(1)))).as(command).contains("OK");
            }
        }
    }

    private static int corrected(int webadminPort) throws Exception {
        return search(webadminPort, "status:corrected").get("total").asInt();
    }

    private static JsonNode search(int webadminPort, String query) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + webadminPort + "/havewemet/invitations?user="
            + URLEncoder.encode(USER, StandardCharsets.UTF_8) + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
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

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PersistentCorrectionsIT.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IOException("no test mail /mails/" + name);
            }
            return in.readAllBytes();
        }
    }
}
