package org.havewemet.it;

import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.havewemet.index.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real failure inside havewemet (the configured Drafts folder is a name the mailbox refuses, so saving the draft
 * throws) must not lose or block the mail: it is filed as usual and the failure is only logged and counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailOpenIT {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER)
        .yaml(HaveWeMetJames.TEST_YAML + "folders:\n  drafts: \"Drafts%*broken\"\n");

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    @Test
    void invitationShouldStillBeDeliveredWhenSavingTheDraftFails(GuiceJamesServer server) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("s-1@bounce.linkedin.com", USER, Mails.read("linkedin-2016-unexplained.eml"));

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, HaveWeMetJames.PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> imap.getMessageCount("Invitations.Unexplained") == 1);
        imap.select("Invitations.Unexplained");
        assertThat(imap.readFirstMessage()).contains("Jane Roe").contains("X-HaveWeMet-Verdict: UNEXPLAINED");
        // ... and the failure really happened: the invitation is recorded as "not answered because of an error"
        var hits = server.getProbe(HaveWeMetProbe.class).runtime().index()
            .search(USER, "name:Roe", SortOrder.DATE, 10, 0).hits();
        assertThat(hits).extracting(hit -> hit.record().replyStatus() + "/" + hit.record().replyDetail())
            .containsExactly("suppressed/ERROR");
        // ... and the dashboard's failure counts show it (the counter is the one the mailet increments).
        JsonPath failures = RestAssured.given().baseUri("http://127.0.0.1").port(JAMES.webAdminPort())
            .get("/havewemet/stats/failures").then().statusCode(200).extract().jsonPath();
        assertThat(failures.getLong("replyErrors")).isEqualTo(1);
        assertThat(failures.getLong("failOpen")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void plainMailShouldStillBeDelivered(GuiceJamesServer server) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("friend@example.com", USER, Mails.read("not-invitation.eml"));

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, HaveWeMetJames.PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessage(Awaitility.await().atMost(Duration.ofSeconds(30)));
        assertThat(imap.readFirstMessage()).contains("Lunch on Friday?");
    }
}
