package org.havewemet.it.webadmin;

import org.apache.james.GuiceJamesServer;
import org.hamcrest.Matchers;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.havewemet.it.webadmin.AdminServer.api;

/** {@code GET /havewemet/config} and {@code POST /havewemet/config/validate} through a real James. */
class ConfigRoutesIT {
    static final String YAML = HaveWeMetJames.TEST_YAML
        + "replies:\n  periodDays: 45\n  optOut: [ceo@havewemet.test]\nfolders:\n  priority: Invitations.VIP\n"
        + "learning:\n  minCorrections: 7\nbulk:\n  users: 9\n  verdict: suspicious\n";

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers().yaml(YAML);

    @Test
    void configShouldShowTheEffectiveValuesWithoutPersonalAddresses(GuiceJamesServer server) {
        api(server).get("/havewemet/config").then()
            .statusCode(200)
            .contentType(containsString("application/json"))
            .body("folders.priority", equalTo("Invitations.VIP"))
            .body("folders.drafts", notNullValue())
            .body("replies.periodDays", equalTo(45))
            .body("replies.optOutCount", equalTo(1))
            .body("replies", not(Matchers.hasKey("optOut")))
            .body("judge.personalThreshold", notNullValue())
            .body("digest.schedule", notNullValue())
            .body("index.commitIntervalSeconds", equalTo(1))
            .body("templates.defaultLocale", equalTo("en"))
            .body("learning.enabled", equalTo(true))
            .body("learning.minCorrections", equalTo(7))
            .body("bulk.users", equalTo(9))
            .body("bulk.window", equalTo("24h"))
            .body("bulk.verdict", equalTo("suspicious"))
            .body("addresses.roles", hasItem("^info$"))
            .body(not(containsString("ceo@havewemet.test")));
    }

    @Test
    void validateShouldAcceptAValidFile(GuiceJamesServer server) {
        api(server).contentType(io.restassured.http.ContentType.TEXT).body("replies:\n  periodDays: 30\n")
            .post("/havewemet/config/validate").then()
            .statusCode(200)
            .body("valid", equalTo(true))
            .body("problems.size()", equalTo(0));
    }

    @Test
    void validateShouldListEveryProblemWithKeyPathAndPosition(GuiceJamesServer server) {
        api(server).contentType(io.restassured.http.ContentType.TEXT).body("replies:\n  periodDays: abc\n  ratePerHuor: 3\n")
            .post("/havewemet/config/validate").then()
            .statusCode(200)
            .body("valid", equalTo(false))
            .body("problems.keyPath", hasItem("replies.periodDays"))
            .body("problems.find { it.keyPath == 'replies.periodDays' }.line", equalTo(2))
            .body("problems.find { it.keyPath == 'replies.periodDays' }.column", Matchers.greaterThan(0))
            .body("problems.find { it.keyPath == 'replies.periodDays' }.expected", notNullValue())
            .body("problems.find { it.keyPath == 'replies.periodDays' }.found", containsString("abc"))
            .body("problems.size()", Matchers.greaterThanOrEqualTo(2));
    }

    @Test
    void validateShouldReportBrokenYamlSyntax(GuiceJamesServer server) {
        api(server).contentType(io.restassured.http.ContentType.TEXT).body("replies: [unclosed\n")
            .post("/havewemet/config/validate").then()
            .statusCode(200)
            .body("valid", equalTo(false))
            .body("problems[0].message", notNullValue());
    }

    @Test
    void validateShouldRefuseAnOversizedBodyWith413(GuiceJamesServer server) {
        String huge = "# " + "x".repeat(1024 * 1024 + 10) + "\n";
        api(server).contentType(io.restassured.http.ContentType.TEXT).body(huge)
            .post("/havewemet/config/validate").then()
            .statusCode(413)
            .body("statusCode", equalTo(413))
            .body("parameter", equalTo("body"));
    }
}
