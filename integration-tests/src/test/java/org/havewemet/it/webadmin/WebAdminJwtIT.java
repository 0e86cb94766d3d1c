package org.havewemet.it.webadmin;

import java.util.Map;
import java.util.stream.Stream;

import org.apache.james.GuiceJamesServer;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.specification.RequestSpecification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.havewemet.it.webadmin.AdminServer.DEMO;
import static org.havewemet.it.webadmin.AdminServer.api;

/**
 * WebAdmin as production runs it: {@code jwt.enabled=true} with a real RSA key pair made by the test, which signs
 * its own tokens. Every {@code /havewemet/} route refuses a request without a valid signed admin token, answers one
 * that has it, and the template history names the token's verified subject.
 */
class WebAdminJwtIT {
    static final JwtKeys KEYS = new JwtKeys();
    static final String ADMIN = "alice@havewemet.test";

    @RegisterExtension
    static final HaveWeMetServer JAMES = KEYS.configure(HaveWeMetServer.withUsers(DEMO));

    static Stream<Arguments> readRoutes() {
        return Stream.of("/havewemet", "/havewemet/", "/havewemet/ui/app.js", "/havewemet/ui/dashboard.js",
            "/havewemet/config", "/havewemet/templates", "/havewemet/templates/reply/en",
            "/havewemet/templates/reply/en/history", "/havewemet/invitations?user=" + DEMO,
            "/havewemet/inviters?user=" + DEMO, "/havewemet/inviters/bulk", "/havewemet/stats",
            "/havewemet/stats/daily?days=30", "/havewemet/stats/daily.svg?days=90", "/havewemet/stats/replies",
            "/havewemet/stats/failures", "/havewemet/decisions?limit=100").map(path -> Arguments.of("GET", path));
    }

    static Stream<Arguments> everyRoute() {
        return Stream.concat(readRoutes(), Stream.of(
            Arguments.of("POST", "/havewemet/config/validate"),
            Arguments.of("PUT", "/havewemet/templates/reply/en"),
            Arguments.of("DELETE", "/havewemet/templates/reply/en"),
            Arguments.of("POST", "/havewemet/templates/reply/en/rollback/000001-20260101T000000000Z"),
            Arguments.of("POST", "/havewemet/templates/reply/en/preview"),
            Arguments.of("DELETE", "/havewemet/inviters/someone@example.org"),
            Arguments.of("POST", "/havewemet/retention/purge?olderThanDays=365"),
            Arguments.of("POST", "/havewemet/backfill?user=" + DEMO),
            Arguments.of("POST", "/havewemet/reindex?user=" + DEMO),
            Arguments.of("POST", "/havewemet/digest?user=" + DEMO)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRoute")
    void everyRouteShouldAnswer401WhenTheTokenIsMissingForgedOrNotAnAdmins(String method, String path,
                                                                           GuiceJamesServer server) {
        Map<String, RequestSpecification> attempts = Map.of(
            "no token", api(server),
            "not a JWT", bearer(server, "not-a-token"),
            "unsigned (alg none)", bearer(server, JwtKeys.unsigned(ADMIN)),
            "signed by another key", bearer(server, JwtKeys.signedByStranger(ADMIN)),
            "signed, but not an admin", bearer(server, KEYS.notAdmin(ADMIN)),
            "a Basic header", api(server).header("Authorization", "Basic YWRtaW46YWRtaW4="));
        attempts.forEach((what, request) -> assertThat(request.body("{}").request(method, path).statusCode())
            .as(what + ": " + method + " " + path).isEqualTo(401));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("readRoutes")
    void everyReadRouteShouldAnswerWithAValidAdminToken(String method, String path, GuiceJamesServer server) {
        bearer(server, KEYS.admin(ADMIN)).request(method, path).then().statusCode(200);
    }

    @Test
    void templateHistoryShouldNameTheVerifiedSubjectOfTheToken(GuiceJamesServer server) {
        bearer(server, KEYS.admin(ADMIN)).body(Map.of("subject", "Signed {{inviter.name}}", "body", "By Alice"))
            .put("/havewemet/templates/reply/it").then()
            .statusCode(200).body("who", equalTo(ADMIN));
        bearer(server, KEYS.admin(ADMIN)).get("/havewemet/templates/reply/it/history").then()
            .statusCode(200).body("versions[0].who", equalTo(ADMIN)).body("versions[0].action", equalTo("save"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/havewemet-page", "/havewemet-page/"})
    void pageShellShouldLoadWithoutATokenAndPointAtItsOwnFiles(String path, GuiceJamesServer server) {
        api(server).get(path).then()
            .statusCode(200)
            .header("Content-Security-Policy", containsString("default-src 'self'"))
            .body(containsString("havewemet admin"))
            .body(containsString("/havewemet-page/ui/app.js"))
            .body(containsString("/havewemet-page/ui/dashboard.js"));
        api(server).get("/havewemet-page/ui/app.js").then().statusCode(200)
            .contentType(containsString("javascript"));
        api(server).get("/havewemet-page/ui/nosuch.js").then().statusCode(404);
    }

    private static RequestSpecification bearer(GuiceJamesServer server, String token) {
        return api(server).header("Authorization", "Bearer " + token);
    }
}
