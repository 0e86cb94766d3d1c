package org.havewemet.it.webadmin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import javax.mail.Flags;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.modules.MailboxProbeImpl;
import org.apache.james.utils.DataProbeImpl;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.havewemet.it.webadmin.AdminServer.DEMO;
import static org.havewemet.it.webadmin.AdminServer.api;

/**
 * Backfill and reindex as WebAdmin tasks over the user's own James mailboxes, while the server runs: mail that
 * reached the mailbox without the mailet (appended, as an IMAP client or a migration does) becomes searchable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailboxTasksIT {
    static final OutsideWorld OUTSIDE = new OutsideWorld();

    @RegisterExtension
    static JamesServerExtension james = new HaveWeMetJames(OUTSIDE).extension();

    @BeforeAll
    void appendInvitationsBehindTheMailetsBack(GuiceJamesServer server) throws Exception {
        server.getProbe(DataProbeImpl.class).addUser(DEMO, HaveWeMetJames.PASSWORD);
        MailboxProbeImpl mailboxes = server.getProbe(MailboxProbeImpl.class);
        MailboxPath inbox = MailboxPath.inbox(Username.of(DEMO));
        mailboxes.createMailbox(inbox);
        for (String mail : List.of("linkedin-2016-unexplained.eml", "direct-unexplained.eml")) {
            mailboxes.appendMessage(DEMO, inbox, new ByteArrayInputStream(AdminServer.mail(mail)
                .getBytes(StandardCharsets.UTF_8)), new Date(), false, new Flags());
        }
    }

    @Test
    @Order(1)
    void backfillShouldIndexTheInvitationsOfTheUsersMailboxesWithProgressInTheTaskDetails(GuiceJamesServer server) {
        assertThat(total(server)).isZero();

        InvitationRoutesIT.awaitTask(server, submit(server, "/havewemet/backfill"))
            .body("type", equalTo("havewemet-backfill"))
            .body("additionalInformation.user", equalTo(DEMO))
            .body("additionalInformation.totalMessages", equalTo(2))
            .body("additionalInformation.processedMessages", equalTo(2))
            .body("additionalInformation.invitations", equalTo(2))
            .body("additionalInformation.written", equalTo(2))
            .body("additionalInformation.failed", equalTo(0));

        assertThat(total(server)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void secondBackfillShouldWriteNothing(GuiceJamesServer server) {
        InvitationRoutesIT.awaitTask(server, submit(server, "/havewemet/backfill"))
            .body("additionalInformation.invitations", equalTo(2))
            .body("additionalInformation.written", equalTo(0));
        assertThat(total(server)).isEqualTo(2);
    }

    @Test
    @Order(3)
    void reindexShouldRewriteEveryInvitation(GuiceJamesServer server) {
        InvitationRoutesIT.awaitTask(server, submit(server, "/havewemet/reindex"))
            .body("type", equalTo("havewemet-reindex"))
            .body("additionalInformation.written", equalTo(2));
        assertThat(total(server)).isEqualTo(2);
    }

    @Test
    @Order(4)
    void backfillShouldRequireTheUser(GuiceJamesServer server) {
        api(server).post("/havewemet/backfill").then().statusCode(400).body("parameter", equalTo("user"));
    }

    @Test
    @Order(5)
    void reindexShouldKeepAVerdictCorrectedByHand(GuiceJamesServer server) {
        String id = api(server).queryParam("user", DEMO).queryParam("q", "platform:linkedin")
            .get("/havewemet/invitations").then().statusCode(200).extract().path("hits[0].id");
        api(server).queryParam("user", DEMO).body("{\"verdict\": \"SUSPICIOUS\"}")
            .post("/havewemet/invitations/" + id.substring(id.lastIndexOf('/') + 1) + "/verdict").then()
            .statusCode(200).body("movedFrom", equalTo("INBOX")).body("folder", equalTo("Spam"));

        InvitationRoutesIT.awaitTask(server, submit(server, "/havewemet/reindex"))
            .body("additionalInformation.written", equalTo(2));

        api(server).queryParam("user", DEMO).queryParam("q", "status:corrected").get("/havewemet/invitations").then()
            .statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(id))
            .body("hits[0].verdict", equalTo("SUSPICIOUS"))
            .body("hits[0].correction.by", equalTo("webadmin"))
            .body("hits[0].reasons", hasItem("USER_CORRECTION"));
    }

    @Test
    @Order(6)
    void backfillShouldMarkAnInvitationToARoleAddressLikeTheMailetDoes(GuiceJamesServer server) throws Exception {
        String info = "info@" + HaveWeMetJames.DOMAIN;
        server.getProbe(DataProbeImpl.class).addUser(info, HaveWeMetJames.PASSWORD);
        MailboxProbeImpl mailboxes = server.getProbe(MailboxProbeImpl.class);
        MailboxPath inbox = MailboxPath.inbox(Username.of(info));
        mailboxes.createMailbox(inbox);
        mailboxes.appendMessage(info, inbox, new ByteArrayInputStream(AdminServer.mail("direct-unexplained.eml")
            .getBytes(StandardCharsets.UTF_8)), new Date(), false, new Flags());

        InvitationRoutesIT.awaitTask(server, api(server).queryParam("user", info).post("/havewemet/backfill").then()
            .statusCode(201).extract().path("taskId")).body("additionalInformation.written", equalTo(1));

        api(server).queryParam("user", info).get("/havewemet/invitations").then().statusCode(200)
            .body("total", equalTo(1)).body("hits[0].reasons", hasItem("ROLE_ADDRESS"));
    }

    private static String submit(GuiceJamesServer server, String path) {
        return api(server).queryParam("user", DEMO).post(path).then().statusCode(201).extract().path("taskId");
    }

    private static int total(GuiceJamesServer server) {
        return api(server).queryParam("user", DEMO).get("/havewemet/invitations").then().statusCode(200)
            .extract().path("total");
    }
}
