package org.havewemet.it.webadmin;

import static org.havewemet.it.webadmin.AdminServer.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.apache.james.GuiceJamesServer;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The static admin page: served from the classpath with a strict CSP, nothing else reachable under /ui/. */
class AdminPageIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers();

    @ParameterizedTest
    @ValueSource(strings = {"/havewemet", "/havewemet/", "/havewemet/ui/index.html"})
    void pageShouldBeServedWithSecurityHeaders(String path, GuiceJamesServer server) {
        api(server).get(path).then()
            .statusCode(200)
            .contentType(containsString("text/html"))
            .header("Content-Security-Policy", containsString("default-src 'self'"))
            .header("X-Content-Type-Options", equalTo("nosniff"))
            .body(containsString("havewemet admin"))
            .body(not(containsString("http://")), not(containsString("https://")));
    }

    @Test
    void scriptAndStylesheetShouldBeServedWithTheirTypes(GuiceJamesServer server) {
        api(server).get("/havewemet/ui/app.js").then()
            .statusCode(200).contentType(containsString("javascript"))
            .header("X-Content-Type-Options", equalTo("nosniff"))
            .body(not(containsString("innerHTML")));
        api(server).get("/havewemet/ui/app.css").then()
            .statusCode(200).contentType(containsString("text/css"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/havewemet/ui/..%2FHaveWeMetRoutes.class", "/havewemet/ui/%2E%2E%2F%2E%2E%2Fwebadmin.properties",
        "/havewemet/ui/nosuch.js", "/havewemet/ui/app.JS", "/havewemet/ui/..%5Capp.js"})
    void otherFilesShouldNotBeServed(String path, GuiceJamesServer server) {
        // Only the page's own files exist: anything else, encoded traversal included, is simply not found.
        api(server).urlEncodingEnabled(false).get(path).then().statusCode(404);
    }
}
