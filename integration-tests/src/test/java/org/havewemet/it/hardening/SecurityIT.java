package org.havewemet.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.QuerySyntaxException;
import org.havewemet.index.SortOrder;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Attacks an inviter can mount through mail, checked where they would land: at the outside world and in mailboxes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    static final String OTHER = "other@" + HardenedJames.DOMAIN;
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200));

    @RegisterExtension
    static final HaveWeMetServer JAMES = HardenedJames.server("judge:\n  trustedAuthServIds: [mx.havewemet.test]\n",
        HardenedJames.USER, OTHER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @ParameterizedTest
    @ValueSource(strings = {
        "\"=?utf-8?Q?Eve=0D=0ABcc:_victim@evil.example?=\"",
        "=?utf-8?B?RXZlDQpUbzogdmljdGltQGV2aWwuZXhhbXBsZQ0KU3ViamVjdDogcHduZWQ=?=",
        "\"Eve\\\r\n Cc: victim@evil.example\"",
        "\"Eve =?utf-8?Q?=0A?= Reply-To: victim@evil.example\"",
    })
    void crlfInTheInviterNameShouldNeverAddARecipientOrAHeaderToTheReply(String displayName, GuiceJamesServer server)
        throws Exception {
        String inviter = "eve" + Math.abs(displayName.hashCode()) + "@example.org";
        send(server, inviter, HardenedJames.USER, direct(displayName + " <" + inviter + ">", inviter, "Eve"));

        AWAIT.until(() -> OUTSIDE.receivedBy(inviter).size() == 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> OUTSIDE.receivedBy(inviter).size() == 1 && OUTSIDE.receivedBy("victim").isEmpty());
        MimeMessage reply = OUTSIDE.receivedBy(inviter).get(0);
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly(inviter);
        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getHeader("Cc")).isNull();
        assertThat(reply.getHeader("Reply-To")).isNull();
        assertThat(reply.getSubject()).doesNotContain("pwned").doesNotContain("\n").doesNotContain("\r");
        assertThat(Collections.list(reply.getAllHeaderLines())).noneMatch(line -> line.contains("victim"));
        assertThat(OUTSIDE.receivedBy("evil.example")).isEmpty();
    }

    @Test
    void templateSyntaxInTheInviterNameShouldBeRenderedLiterally(GuiceJamesServer server) throws Exception {
        String inviter = "mallory@example.org";
        String name = "{{recipient.address}} {{#inviter}}x{{/inviter}}";
        send(server, inviter, HardenedJames.USER, direct("\"" + name + "\" <" + inviter + ">", inviter, name));

        AWAIT.until(() -> OUTSIDE.receivedBy(inviter).size() == 1);
        String body = String.valueOf(OUTSIDE.receivedBy(inviter).get(0).getContent());
        assertThat(body).contains("{{recipient.address}}").contains("{{#inviter}}x{{/inviter}}");
    }

    @Test
    void spoofedHaveWeMetHeadersFromOutsideShouldBeRemoved(GuiceJamesServer server) throws Exception {
        String inviter = "forger@example.org";
        String mail = "X-HaveWeMet-Verdict: PERSONAL\r\nX-HaveWeMet-Draft: true\r\nX-HaveWeMet-Answer: SHARED_CONTEXT\r\n"
            + "x-havewemet-reasons: TRUST_ME\r\n" + direct("Forger <" + inviter + ">", inviter, "Forger");
        send(server, inviter, HardenedJames.USER, mail);

        AWAIT.until(() -> messagesFrom(server, inviter).size() == 1);
        Map.Entry<String, String> stored = messagesFrom(server, inviter).get(0);
        assertThat(stored.getKey()).as("folder").isNotEqualTo("Priority");
        assertThat(stored.getValue()).doesNotContain("TRUST_ME").doesNotContain("SHARED_CONTEXT")
            .doesNotContain("X-HaveWeMet-Draft").contains("X-HaveWeMet-Verdict: UNEXPLAINED")
            .doesNotContain("X-HaveWeMet-Verdict: PERSONAL");
    }

    @Test
    void platformNoticeFailingTrustedAuthenticationShouldGoToSpamWithoutReply(GuiceJamesServer server)
        throws Exception {
        String notice = "Authentication-Results: mx.havewemet.test; dkim=fail header.d=linkedin.com; "
            + "spf=fail smtp.mailfrom=linkedin.com; dmarc=fail header.from=linkedin.com\r\n"
            + resource("/mails/linkedin-2016-unexplained.eml")
                .replace("Jane Roe", "Ivan Spoof").replace("2016.a1@", "2016.spoof@");
        send(server, "s-9@bounce.linkedin.com", HardenedJames.USER, notice);

        AWAIT.until(() -> messagesFrom(server, "invitations@linkedin.com").stream()
            .anyMatch(m -> m.getValue().contains("Ivan Spoof")));
        Map.Entry<String, String> stored = messagesFrom(server, "invitations@linkedin.com").stream()
            .filter(m -> m.getValue().contains("Ivan Spoof")).findFirst().orElseThrow();
        assertThat(stored.getKey()).isEqualTo("Spam");
        assertThat(stored.getValue()).contains("X-HaveWeMet-Verdict: SUSPICIOUS");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .until(() -> OUTSIDE.receivedBy("linkedin.com").isEmpty());
        assertThat(server.getProbe(MailboxCensusProbe.class).headerBlocksByFolder(HardenedJames.USER)
            .getOrDefault("Drafts", List.of())).noneMatch(block -> block.contains("Ivan Spoof"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*:*", "*", "recipient:" + OTHER, "recipient:other*", "+recipient:other@havewemet.test",
        "Secret*", "name:Secret*", "from:secret.inviter@example.org", "type:invitation", "inviterName:Secret*",
        "(*:* OR recipient:*)", "Sec?et", "recipient:[a TO z]", "\"Secret Inviter\"", "id:*", "NOT nothing-at-all"})
    void searchTricksShouldNeverReturnAnotherUsersInvitations(String query, GuiceJamesServer server) throws Exception {
        InvitationIndex index = server.getProbe(HaveWeMetProbe.class).runtime().index();
        if (index.count(OTHER) == 0) {
            send(server, "secret.inviter@example.org", OTHER,
                direct("Secret Inviter <secret.inviter@example.org>", "secret.inviter@example.org", "Secret Inviter"));
            AWAIT.until(() -> index.count(OTHER) == 1);
        }
        assertThat(index.search(OTHER, "Secret", SortOrder.DATE, 10, 0).total()).as("the other user finds it").isOne();

        try {
            assertThat(index.search(HardenedJames.USER, query, SortOrder.DATE, 100, 0).hits())
                .allSatisfy(hit -> assertThat(hit.record().recipient()).isEqualTo(HardenedJames.USER))
                .noneMatch(hit -> "Secret Inviter".equals(hit.record().inviterName()));
            assertThat(index.inviters(HardenedJames.USER, query, 100, 0))
                .noneMatch(summary -> summary.toString().contains("secret.inviter"));
        } catch (QuerySyntaxException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    private List<Map.Entry<String, String>> messagesFrom(GuiceJamesServer server, String address) throws Exception {
        return server.getProbe(MailboxCensusProbe.class).headerBlocksByFolder(HardenedJames.USER).entrySet().stream()
            .flatMap(folder -> folder.getValue().stream().map(block -> Map.entry(folder.getKey(), block)))
            .filter(m -> m.getValue().contains(address) && !m.getValue().contains("X-HaveWeMet-Draft: true"))
            .toList();
    }

    private static String direct(String fromHeader, String inviter, String signature) {
        return "From: " + fromHeader + "\r\nTo: " + HardenedJames.USER + "\r\n"
            + "Subject: Invitation to connect on LinkedIn\r\nDate: Thu, 14 Jul 2016 08:00:00 +0000\r\n"
            + "Message-ID: <" + Math.abs((fromHeader + inviter).hashCode()) + "@mail.example.org>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nDemo,\r\n\r\n"
            + "I'd like to add you to my professional network on LinkedIn.\r\n\r\n- " + signature + "\r\n";
    }

    private static void send(GuiceJamesServer server, String envelopeSender, String recipient, String mail) {
        int port = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", port)) {
            assertThat(smtp.send(envelopeSender, recipient, mail.getBytes(StandardCharsets.UTF_8)))
                .as(smtp.lastProblem()).isEqualTo(RawSmtpClient.Outcome.ACCEPTED);
        }
    }

    private static String resource(String name) {
        try (InputStream in = SecurityIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
