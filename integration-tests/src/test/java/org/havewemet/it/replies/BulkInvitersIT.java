package org.havewemet.it.replies;

import java.util.List;
import java.util.Map;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mass inviters through a real James (issue 15, part 2): one LinkedIn member invites six users of the server; the
 * fifth crosses {@code bulk.users} (default 5 within 24 h). From then on the invitations carry BULK_INVITER and get
 * no draft, the four already filed get the reason in the index, and {@code GET /havewemet/inviters/bulk} lists the
 * inviter with counts and first/last seen.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkInvitersIT {
    static final String DOMAIN = HaveWeMetJames.DOMAIN;
    static final int USERS = 6;
    static final String PROFILE = "https://www.linkedin.com/comm/profile/view?id=AAsAAA123";

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(user(1), user(2), user(3), user(4), user(5),
        user(6), "alone@" + DOMAIN);

    static String user(int n) {
        return "member" + n + "@" + DOMAIN;
    }

    static String id(int n) {
        return "<1468314900000.invite.bulk." + n + "@ltx1-app1.prod.linkedin.com>";
    }

    private static void invite(String user, String messageId) throws Exception {
        String notice = ReplyIt.replaceHeader(ReplyIt.read("linkedin-2016-unexplained.eml")
            .replace("<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>", messageId), "To", "To: " + user);
        ReplyIt.send(JAMES.smtpPort(), "s-1a2b3c@bounce.linkedin.com", user, notice);
    }

    @Test
    void sixthUserShouldFindTheInviterBulkAndEarlierInvitationsShouldBeMarked() throws Exception {
        for (int n = 1; n <= 4; n++) {
            invite(user(n), id(n));
            ReplyIt.awaitStatus(JAMES.runtime(), user(n), id(n), "drafted/NO_REPLY_ADDRESS");
        }
        for (int n = 5; n <= USERS; n++) {
            invite(user(n), id(n));
            ReplyIt.awaitStatus(JAMES.runtime(), user(n), id(n), "suppressed/BULK_INVITER");
            assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), user(n), id(n))).isEqualTo("Invitations.Unexplained");
            assertThat(ReplyIt.record(JAMES.runtime(), user(n), id(n)).orElseThrow().verdict())
                .isEqualTo("UNEXPLAINED");
        }

        ReplyIt.await().untilAsserted(() -> {
            for (int n = 1; n <= USERS; n++) {
                assertThat(ReplyIt.record(JAMES.runtime(), user(n), id(n)).orElseThrow().reasons())
                    .as("index record of " + user(n)).contains("BULK_INVITER");
            }
        });

        JsonPath listed = RestAssured.given().port(JAMES.webAdminPort()).baseUri("http://127.0.0.1")
            .get("/havewemet/inviters/bulk").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> inviters = listed.getList("inviters");
        assertThat(inviters).hasSize(1);
        assertThat(inviters.get(0)).containsEntry("name", "Jane Roe").containsEntry("users", USERS)
            .containsEntry("invitations", USERS).containsKeys("firstSeen", "lastSeen");
        assertThat((String) inviters.get(0).get("inviter")).contains("aasaaa123");
    }

    @Test
    void otherInviterShouldStillBeDraftedWhenOneMassInviterWasFound() throws Exception {
        String mail = ReplyIt.replaceHeader(ReplyIt.read("linkedin-2016-personal.eml")
            .replace("<1468418520000.invite.2016.b2@ltx1-app2.prod.linkedin.com>", "<bulk-other@x.linkedin.com>"),
            "To", "To: alone@" + DOMAIN);
        ReplyIt.send(JAMES.smtpPort(), "s-1a2b3c@bounce.linkedin.com", "alone@" + DOMAIN, mail);

        ReplyIt.awaitStatus(JAMES.runtime(), "alone@" + DOMAIN, "<bulk-other@x.linkedin.com>",
            "suppressed/VERDICT_PERSONAL");
        assertThat(ReplyIt.record(JAMES.runtime(), "alone@" + DOMAIN, "<bulk-other@x.linkedin.com>").orElseThrow()
            .reasons()).doesNotContain("BULK_INVITER");
    }
}
