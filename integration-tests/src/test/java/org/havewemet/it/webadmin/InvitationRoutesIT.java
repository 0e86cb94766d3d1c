package org.havewemet.it.webadmin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.SMTPMessageSender;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.havewemet.it.webadmin.AdminServer.AWAIT;
import static org.havewemet.it.webadmin.AdminServer.DEMO;
import static org.havewemet.it.webadmin.AdminServer.OTHER;
import static org.havewemet.it.webadmin.AdminServer.api;

/**
 * Search, inviters, stats, erasure and retention through a real James, after real mails went through the mailet:
 * demo receives an unexplained LinkedIn notice and an unexplained direct request (answered), other receives a personal
 * LinkedIn notice. Destructive tests (erase, purge) run last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvitationRoutesIT {
    static final String PLATFORM_BOUNCE = "s-1a2b3c@bounce.linkedin.com";

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(DEMO, OTHER);

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    @BeforeAll
    void receiveInvitations(GuiceJamesServer server) throws Exception {
        AdminServer.send(smtp, server, PLATFORM_BOUNCE, DEMO, "linkedin-2016-unexplained.eml");
        AdminServer.send(smtp, server, "bob.stranger@example.org", DEMO, "direct-unexplained.eml");
        AdminServer.send(smtp, server, PLATFORM_BOUNCE, OTHER, "linkedin-2016-personal.eml");
        AWAIT.untilAsserted(() -> {
            assertThat(names(server, DEMO, "")).hasSize(2);
            assertThat(names(server, OTHER, "")).hasSize(1);
            assertThat(api(server).queryParam("user", DEMO).get("/havewemet/invitations").jsonPath()
                .getList("hits.replyStatus", String.class)).contains("replied");
        });
    }

    @Test
    @Order(1)
    void searchShouldReturnHitsTotalFacetsAndSnippets(GuiceJamesServer server) {
        api(server).queryParam("user", DEMO).queryParam("q", "Roe").queryParam("sort", "relevance")
            .get("/havewemet/invitations").then()
            .statusCode(200)
            .body("user", equalTo(DEMO))
            .body("total", equalTo(1))
            .body("hits[0].inviter.name", equalTo("Jane Roe"))
            .body("hits[0].verdict", equalTo("UNEXPLAINED"))
            .body("hits[0].id", containsString(DEMO))
            .body("facets.verdict.UNEXPLAINED", equalTo(1))
            .body("facets.platform.linkedin", equalTo(1));
        api(server).queryParam("user", DEMO).queryParam("limit", 1).queryParam("offset", 1)
            .get("/havewemet/invitations").then()
            .statusCode(200).body("total", equalTo(2)).body("hits.size()", equalTo(1));
    }

    @Test
    @Order(1)
    void digestRouteShouldSendTheUsersDigestNow(GuiceJamesServer server) {
        api(server).queryParam("user", DEMO).post("/havewemet/digest").then()
            .statusCode(200)
            .body("user", equalTo(DEMO))
            .body("items", equalTo(3)); // two new invitations + the one question still waiting for an answer
        api(server).queryParam("user", "not-an-address").post("/havewemet/digest").then()
            .statusCode(400)
            .body("parameter", equalTo("user"));
    }

    @Test
    @Order(1)
    void searchShouldNeverShowAnotherUsersInvitations(GuiceJamesServer server) {
        assertThat(names(server, OTHER, "")).containsExactly("Carlos Mendes");
        assertThat(names(server, DEMO, "")).doesNotContain("Carlos Mendes").hasSize(2);
        assertThat(total(server, DEMO, "Mendes")).isZero();
        assertThat(total(server, DEMO, "name:Carlos")).isZero();
        assertThat(total(server, "nobody@havewemet.test", "")).isZero();
    }

    @ParameterizedTest
    @Order(1)
    @CsvSource(delimiterString = " => ", value = {
        // Lucene's syntax, the index's internal fields, the other user's address: none finds anything for DEMO.
        "*:* => 0", "* => 0", "recipient:other@havewemet.test => 0", "recipient:\"other@havewemet.test\" => 0",
        "Mendes OR *:* => 0", "type:invitation => 0", "id:other* => 0", "other@havewemet.test => 0",
        "(Mendes) OR (recipient:other@havewemet.test) => 0",
        // Real syntax, scoped to the user: of the user's two invitations neither is PERSONAL, one is not from Roe.
        "verdict:PERSONAL => 0", "NOT Roe => 1"})
    void queryAbuseShouldNeverWidenTheScope(String query, int expectedTotal, GuiceJamesServer server) {
        var response = api(server).queryParam("user", DEMO).queryParam("q", query).get("/havewemet/invitations");
        assertThat(response.statusCode()).as("query %s: %s", query, response.body().asString()).isEqualTo(200);
        List<String> names = response.jsonPath().getList("hits.inviter.name");
        assertThat(names).as("query %s", query).doesNotContain("Carlos Mendes").hasSize(expectedTotal);
        assertThat(response.jsonPath().getInt("total")).as("query %s", query).isEqualTo(expectedTotal);
    }

    @Test
    @Order(1)
    void badQuerySyntaxShouldAnswer400WithTheParsersMessage(GuiceJamesServer server) {
        api(server).queryParam("user", DEMO).queryParam("q", "(Roe AND")
            .get("/havewemet/invitations").then()
            .statusCode(400)
            .body("statusCode", equalTo(400))
            .body("type", equalTo("InvalidArgument"))
            .body("parameter", equalTo("q"))
            .body("message", containsString("column"));
        api(server).queryParam("user", DEMO).queryParam("q", "x".repeat(2000))
            .get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    @Order(1)
    void searchShouldRefuseBadParameters(GuiceJamesServer server) {
        api(server).get("/havewemet/invitations").then().statusCode(400).body("parameter", equalTo("user"));
        api(server).queryParam("user", "not-an-address").get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("user"));
        api(server).queryParam("user", DEMO).queryParam("limit", 0).get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("limit"));
        api(server).queryParam("user", DEMO).queryParam("limit", "lots").get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("limit"));
        api(server).queryParam("user", DEMO).queryParam("offset", -1).get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("offset"));
        api(server).queryParam("user", DEMO).queryParam("sort", "random").get("/havewemet/invitations").then()
            .statusCode(400).body("parameter", equalTo("sort"));
        api(server).get("/havewemet/inviters").then().statusCode(400).body("parameter", equalTo("user"));
    }

    @Test
    @Order(1)
    void invitersShouldListThePeopleWhoInvitedTheUserOnly(GuiceJamesServer server) {
        api(server).queryParam("user", DEMO).get("/havewemet/inviters").then()
            .statusCode(200)
            .body("inviters.name", hasItem("Jane Roe"))
            .body("inviters.name", not(hasItem("Carlos Mendes")))
            .body("inviters.find { it.name == 'Jane Roe' }.count", equalTo(1));
        api(server).queryParam("user", DEMO).queryParam("q", "Roe").get("/havewemet/inviters").then()
            .statusCode(200).body("inviters.size()", equalTo(1));
        api(server).queryParam("user", DEMO).queryParam("q", "((").get("/havewemet/inviters").then()
            .statusCode(400).body("parameter", equalTo("q"));
    }

    @Test
    @Order(1)
    void previewShouldRenderWithAStoredInvitationsValues(GuiceJamesServer server) {
        String id = api(server).queryParam("user", DEMO).queryParam("q", "Roe").get("/havewemet/invitations")
            .then().statusCode(200).extract().path("hits[0].id");
        api(server).body(Map.of("subject", "Re: {{inviter.name}}",
                "body", "{{recipient.address}} / {{platform}} / {{inviter.profileUrl}}", "invitationId", id))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(200)
            .body("subject", equalTo("Re: Jane Roe"))
            .body("body", containsString(DEMO))
            .body("body", containsString("linkedin.com"));
    }

    @Test
    @Order(1)
    void statsShouldCountVerdictsAndRepliesOverAllUsers(GuiceJamesServer server) {
        api(server).get("/havewemet/stats").then()
            .statusCode(200)
            .body("invitations", equalTo(3))
            .body("verdicts.UNEXPLAINED", equalTo(2))
            .body("verdicts.PERSONAL", equalTo(1))
            .body("replies.sent", equalTo(1))
            .body("replies.drafted", greaterThanOrEqualTo(0))
            .body("replies.suppressed", greaterThanOrEqualTo(0));
    }

    @Test
    @Order(2)
    void eraseShouldRemoveThePersonFromIndexAndLedger(GuiceJamesServer server) {
        api(server).urlEncodingEnabled(false).delete("/havewemet/inviters/not-an-address").then()
            .statusCode(400).body("parameter", equalTo("address")).body("type", equalTo("InvalidArgument"));
        var submitted = api(server).delete("/havewemet/inviters/Bob.Stranger@example.org").then()
            .statusCode(201).extract();
        String taskId = submitted.path("taskId");
        assertThat(submitted.header("Location")).isEqualTo("/tasks/" + taskId);
        awaitTask(server, taskId)
            .body("type", equalTo("havewemet-erase-inviter"))
            .body("additionalInformation.address", equalTo("bob.stranger@example.org"))
            .body("additionalInformation.indexDocuments", equalTo(1))
            .body("additionalInformation.ledgerEntries", equalTo(1));
        assertThat(total(server, DEMO, "")).isEqualTo(1);
        awaitTask(server, erase(server, "bob.stranger@example.org"))
            .body("additionalInformation.indexDocuments", equalTo(0))
            .body("additionalInformation.ledgerEntries", equalTo(0));
    }

    @Test
    @Order(3)
    void eraseShouldReachADirectRequestFromAnAddressTheInvitationDoesNotShow(GuiceJamesServer server)
            throws Exception {
        AdminServer.send(smtp, server, "sam@remote.example", DEMO, "webadmin/direct-sam-remote.eml");
        AWAIT.untilAsserted(() -> assertThat(names(server, DEMO, "from:sam@remote.example")).containsExactly("Sam Poe"));

        awaitTask(server, erase(server, "sam@remote.example"))
            .body("additionalInformation.indexDocuments", equalTo(1))
            .body("additionalInformation.ledgerEntries", equalTo(1));

        assertThat(names(server, DEMO, "Sam")).isEmpty();
        assertThat(names(server, DEMO, "from:sam@remote.example")).isEmpty();
    }

    @Test
    @Order(4)
    void purgeShouldRemoveExactlyTheInvitationsOlderThanTheCutoff(GuiceJamesServer server) {
        api(server).post("/havewemet/retention/purge").then().statusCode(400)
            .body("parameter", equalTo("olderThanDays"));
        api(server).queryParam("olderThanDays", "soon").post("/havewemet/retention/purge").then().statusCode(400);
        api(server).queryParam("olderThanDays", 0).post("/havewemet/retention/purge").then().statusCode(400);

        awaitTask(server, purge(server, 36_500)).body("additionalInformation.removed", equalTo(0));
        Instant cutoff = Instant.now().minus(Duration.ofDays(1));
        long older = olderThan(server, DEMO, cutoff) + olderThan(server, OTHER, cutoff);
        awaitTask(server, purge(server, 1))
            .body("type", equalTo("havewemet-retention-purge"))
            .body("additionalInformation.removed", equalTo((int) older));
        assertThat(olderThan(server, DEMO, cutoff) + olderThan(server, OTHER, cutoff)).isZero();
    }

    private static String erase(GuiceJamesServer server, String address) {
        return api(server).delete("/havewemet/inviters/" + address).then().statusCode(201).extract().path("taskId");
    }

    private static String purge(GuiceJamesServer server, int days) {
        return api(server).queryParam("olderThanDays", days).post("/havewemet/retention/purge").then()
            .statusCode(201).extract().path("taskId");
    }

    /** James' own task route: waits for the task to end and answers its details. */
    static ValidatableResponse awaitTask(GuiceJamesServer server, String taskId) {
        return api(server).get("/tasks/" + taskId + "/await").then().statusCode(200)
            .body("status", equalTo("completed"));
    }

    private static long olderThan(GuiceJamesServer server, String user, Instant cutoff) {
        JsonPath page = api(server).queryParam("user", user).queryParam("limit", 200)
            .get("/havewemet/invitations").then().statusCode(200).extract().jsonPath();
        return page.getList("hits.receivedAt", String.class).stream()
            .filter(at -> Instant.parse(at).isBefore(cutoff)).count();
    }

    private static int total(GuiceJamesServer server, String user, String query) {
        return api(server).queryParam("user", user).queryParam("q", query).get("/havewemet/invitations")
            .then().statusCode(200).extract().path("total");
    }

    private static List<String> names(GuiceJamesServer server, String user, String query) {
        return api(server).queryParam("user", user).queryParam("q", query).get("/havewemet/invitations")
            .then().statusCode(200).extract().jsonPath().getList("hits.inviter.name");
    }
}
