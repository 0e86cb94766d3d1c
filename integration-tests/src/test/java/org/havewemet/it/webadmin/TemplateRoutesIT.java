package org.havewemet.it.webadmin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.hamcrest.Matchers;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.havewemet.it.webadmin.AdminServer.api;

/** {@code /havewemet/templates...} through a real James: read, save, history, rollback, delete, preview, abuse. */
class TemplateRoutesIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers();

    @Test
    void listShouldHoldTheShippedTemplates(GuiceJamesServer server) {
        api(server).get("/havewemet/templates").then()
            .statusCode(200)
            .body("templates.findAll { it.name == 'reply' }.locale", hasItem("en"))
            .body("templates.find { it.name == 'reply' && it.locale == 'en' }.shipped", equalTo(true));
    }

    @Test
    void getShouldReturnTheShippedDefaultWhenNotCustomized(GuiceJamesServer server) {
        api(server).get("/havewemet/templates/reply/de").then()
            .statusCode(200)
            .body("name", equalTo("reply"))
            .body("locale", equalTo("de"))
            .body("customized", equalTo(false))
            .body("body", containsString("{{"));
    }

    @Test
    void getShouldAnswer404ForAnUnknownTemplate(GuiceJamesServer server) {
        api(server).get("/havewemet/templates/nosuch/en").then()
            .statusCode(404)
            .body("statusCode", equalTo(404));
    }

    @Test
    void putThenHistoryThenRollbackShouldRestoreTheEarlierVersion(GuiceJamesServer server) {
        String first = api(server).body(Map.of("subject", "First {{inviter.name}}", "body", "Version one"))
            .put("/havewemet/templates/reply/fr").then()
            .statusCode(200).body("action", equalTo("save")).body("who", equalTo("unauthenticated"))
            .extract().path("id");
        api(server).body(Map.of("subject", "Second", "body", "Version two"))
            .put("/havewemet/templates/reply/fr").then().statusCode(200);
        api(server).get("/havewemet/templates/reply/fr").then()
            .body("customized", equalTo(true)).body("body", equalTo("Version two"));
        assertThat(Files.exists(JAMES.dataDirectory().resolve("var/havewemet/templates"))).isTrue();

        api(server).get("/havewemet/templates/reply/fr/history").then()
            .statusCode(200)
            .body("versions.size()", equalTo(2))
            .body("versions[0].body", equalTo("Version two"))
            .body("versions[1].id", equalTo(first));

        api(server).post("/havewemet/templates/reply/fr/rollback/" + first).then()
            .statusCode(200).body("action", equalTo("rollback")).body("rollbackOf", equalTo(first));
        api(server).get("/havewemet/templates/reply/fr").then().body("body", equalTo("Version one"));
    }

    @Test
    void putShouldNeverTakeTheAuthorFromAnUnverifiedTokenWhenJwtIsOff(GuiceJamesServer server) {
        // JWT is off here: nobody checks the token, so its subject must not become the author (WebAdminJwtIT checks
        // that a verified one does).
        String unsignedClaims = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"sub\":\"alice@havewemet.test\"}".getBytes(StandardCharsets.UTF_8));
        api(server).header("Authorization", "Bearer eyJhbGciOiJub25lIn0." + unsignedClaims + ".")
            .body(Map.of("subject", "S", "body", "B"))
            .put("/havewemet/templates/accepted/de").then()
            .statusCode(200).body("who", equalTo("unauthenticated"));
    }

    @Test
    void rollbackToAnUnknownVersionShouldAnswer404(GuiceJamesServer server) {
        api(server).post("/havewemet/templates/reply/es/rollback/000099-20260101T000000000Z").then()
            .statusCode(404);
    }

    @Test
    void deleteShouldRestoreTheShippedDefault(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "Custom", "body", "Custom draft"))
            .put("/havewemet/templates/draft/en").then().statusCode(200);
        api(server).delete("/havewemet/templates/draft/en").then().statusCode(200).body("action", equalTo("delete"));
        api(server).get("/havewemet/templates/draft/en").then()
            .body("customized", equalTo(false)).body("body", not(equalTo("Custom draft")));
        api(server).delete("/havewemet/templates/draft/en").then().statusCode(404);
    }

    @Test
    void putShouldRefuseAnInvalidTemplateListingTheProblems(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "Hi", "body", "Hello {{inviter.nmae}} {{#unclosed}}"))
            .put("/havewemet/templates/reply/de").then()
            .statusCode(400)
            .body("type", equalTo("InvalidArgument"))
            .body("parameter", equalTo("body"))
            .body("problems.size()", Matchers.greaterThan(0));
        api(server).get("/havewemet/templates/reply/de").then().body("customized", equalTo(false));
    }

    @Test
    void putShouldRefuseMissingFieldsAndBrokenJson(GuiceJamesServer server) {
        api(server).body(Map.of("body", "no subject")).put("/havewemet/templates/reply/de").then()
            .statusCode(400).body("parameter", equalTo("subject"));
        api(server).body("{not json").put("/havewemet/templates/reply/de").then()
            .statusCode(400).body("parameter", equalTo("body"));
        api(server).body(Map.of("subject", 3, "body", "x")).put("/havewemet/templates/reply/de").then()
            .statusCode(400).body("parameter", equalTo("subject"));
    }

    @Test
    void putShouldRefuseAnOversizedTemplateWith413(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "Big", "body", "x".repeat(70 * 1024)))
            .put("/havewemet/templates/reply/de").then()
            .statusCode(413).body("type", equalTo("PayloadTooLarge"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..%2Fconf", "%2E%2E", "..", "Reply", "domains", "a%00b", "..%5Cwin"})
    void pathTraversalNamesShouldBeRefused(String name, GuiceJamesServer server) {
        int status = api(server).urlEncodingEnabled(false).body(Map.of("subject", "x", "body", "pwned"))
            .put("/havewemet/templates/" + name + "/en").then().extract().statusCode();
        // Refused as a bad template name, never routed anywhere else.
        assertThat(status).as("PUT of template name %s", name).isEqualTo(400);
        assertThat(JAMES.dataDirectory().resolve("conf/en.mustache")).doesNotExist();
        assertThat(JAMES.dataDirectory().resolve("var/havewemet/en.mustache")).doesNotExist();
    }

    @Test
    void encodedTraversalInANameShouldAnswer400NamingTheName(GuiceJamesServer server) {
        api(server).urlEncodingEnabled(false).get("/havewemet/templates/..%2E%2Fx/en").then()
            .statusCode(400).body("parameter", equalTo("name"));
        api(server).urlEncodingEnabled(false).get("/havewemet/templates/reply/..%2Fen").then()
            .statusCode(400).body("parameter", equalTo("locale"));
    }

    @Test
    void previewShouldRenderUnsavedTextWithSampleValuesAsPlainData(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "Hi {{inviter.name}}", "body", "Note: {{note}}",
                "sample", Map.of("inviter", Map.of("name", "Zed"), "note", "{{recipient.address}} <b>x</b>")))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(200)
            .body("subject", equalTo("Hi Zed"))
            .body("body", equalTo("Note: {{recipient.address}} <b>x</b>"));
        api(server).get("/havewemet/templates/reply/en").then().body("customized", equalTo(false));
    }

    @Test
    void previewShouldUseDefaultSampleValuesWhenNoneAreGiven(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "Hi {{inviter.name}}", "body", "x"))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(200).body("subject", equalTo("Hi Jane Example"));
    }

    @Test
    void previewShouldRefuseBadInputs(GuiceJamesServer server) {
        api(server).body(Map.of("subject", "x", "body", "{{#open}}"))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(400).body("problems.size()", Matchers.greaterThan(0));
        api(server).body(Map.of("subject", "x", "body", "y", "invitationId", "nobody@x/000"))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(404).body("parameter", equalTo("invitationId"));
        api(server).body(Map.of("subject", "x", "body", "y", "sample", "not an object"))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(400).body("parameter", equalTo("sample"));
        api(server).body(Map.of("subject", "x", "body", "y".repeat(1024 * 1024 + 1)))
            .post("/havewemet/templates/reply/en/preview").then()
            .statusCode(413);
    }
}
