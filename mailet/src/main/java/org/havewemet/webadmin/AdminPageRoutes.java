package org.havewemet.webadmin;

import org.apache.james.webadmin.PublicRoutes;

import spark.Service;

/**
 * The admin page's shell (HTML, script, stylesheet: no data at all) outside WebAdmin's authentication, for servers
 * that run WebAdmin with JWT ({@code jwt.enabled=true}). There every route under {@code /havewemet/}, the page
 * included, answers 401 to a request without a signed admin token, and a browser cannot add one to a page it
 * navigates to; so the page is loaded from here, asks for the token, keeps it in memory only and sends it with each
 * call to {@code /havewemet/...}. Registered beside the API routes:
 * <pre>extensions.routes=org.havewemet.webadmin.HaveWeMetRoutes,org.havewemet.webadmin.AdminPageRoutes</pre>
 */
public class AdminPageRoutes implements PublicRoutes {
    public static final String BASE = "/havewemet-page";

    @Override
    public String getBasePath() {
        return BASE;
    }

    @Override
    public void define(Service service) {
        service.get(BASE, (request, response) -> AdminPage.index(BASE, response));
        service.get(BASE + "/", (request, response) -> AdminPage.index(BASE, response));
        service.get(BASE + "/ui/:file", (request, response) -> AdminPage.file(BASE, request, response));
    }
}
