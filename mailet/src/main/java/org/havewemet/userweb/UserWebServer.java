package org.havewemet.userweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.havewemet.config.UserWebConfig;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.mailet.InvitationCorrections;
import org.havewemet.mailet.UserVerdictCorrection;
import org.havewemet.userweb.Sessions.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Each mailbox owner's own page ({@code /}) and JSON API ({@code /api/}) on a listener of its own ({@code userweb.*}),
 * never on WebAdmin: an embedded Jetty through the Spark that James' WebAdmin ships ({@link Service#ignite()} gives an
 * instance separate from WebAdmin's). Every response carries a strict Content-Security-Policy (no inline script,
 * nothing from elsewhere); the page is plain files from this jar.
 */
public final class UserWebServer implements AutoCloseable {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    private static final Logger LOGGER = LoggerFactory.getLogger(UserWebServer.class);
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String ASSETS = "/org/havewemet/userweb/static/";
    private static final List<PageFile> PAGE_FILES = List.of(
        new PageFile("/", "index.html", "text/html; charset=utf-8"),
        new PageFile("/app.js", "app.js", "text/javascript; charset=utf-8"),
        new PageFile("/app.css", "app.css", "text/css; charset=utf-8"));

    private record PageFile(String path, String name, String type) {
    }

    private final Service http;

    private UserWebServer(Service http) {
        this.http = http;
    }

    /**
     * Starts the listener; users sign in with the password James' users repository checks (the one of IMAP).
     *
     * @throws IllegalStateException naming the address and the keys when it cannot listen
     */
    public static UserWebServer start(UserWebConfig config, HaveWeMetRuntime runtime, UsersRepository users,
                                      Clock clock) {
        SignIn.Credentials credentials = (address, password) -> users.test(Username.of(address), password);
        Sessions sessions = new Sessions(clock, new SecureRandom());
        SignIn signIn = new SignIn(credentials, new SignInLimiter(clock), sessions);
        RequestGuard guard = new RequestGuard(sessions);
        UserWebApi api = new UserWebApi(runtime, new UserVerdictCorrection(new InvitationCorrections(runtime)));
        Service http = Service.ignite().ipAddress(config.bind()).port(config.port()).threadPool(8, 2, 60_000);
        AtomicReference<Exception> failed = new AtomicReference<>();
        // Spark's default reaction to a port it cannot bind is System.exit: report it instead.
        http.initExceptionHandler(failed::set);
        routes(http, sessions, signIn, guard, api);
        http.awaitInitialization();
        if (failed.get() != null) {
            http.stop();
            throw new IllegalStateException("havewemet: the users' page cannot listen on " + config.bind() + ":"
                + config.port() + " (userweb.bind, userweb.port): " + failed.get().getMessage(), failed.get());
        }
        LOGGER.info("havewemet: each user's own page listens on http://{}:{}/", config.bind(), http.port());
        return new UserWebServer(http);
    }

    /** The port it listens on (the configured one, or the one the system chose for 0 in tests). */
    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.stop();
    }

    private static void routes(Service http, Sessions sessions, SignIn signIn, RequestGuard guard, UserWebApi api) {
        http.before((request, response) -> {
            response.header("Content-Security-Policy", CSP);
            response.header("X-Content-Type-Options", "nosniff");
            response.header("X-Frame-Options", "DENY");
            response.header("Referrer-Policy", "no-referrer");
            response.header("Cache-Control", "no-store");
            // Bodies are small JSON objects: a large one is refused before anything reads it into memory.
            if (request.contentLength() > UserWebApi.MAX_BODY_CHARS) {
                throw new UserWebError(413, "request body too large");
            }
            if (request.pathInfo().startsWith("/api/") && !RequestGuard.isSignIn(request.requestMethod(),
                request.pathInfo())) {
                request.attribute("session", guard.authorize(request.requestMethod(),
                    request.cookie(RequestGuard.COOKIE), request.headers(RequestGuard.CSRF_HEADER)));
            }
        });
        for (PageFile file : PAGE_FILES) {
            byte[] content = asset(file.name());
            http.get(file.path(), (request, response) -> {
                response.type(file.type());
                return content;
            });
        }
        http.post("/api/session", (request, response) -> {
            Session session = signIn.signIn(UserWebApi.field(request.body(), "address"),
                UserWebApi.field(request.body(), "password"), request.ip());
            response.header("Set-Cookie", cookie(session.id(), secure(request), Sessions.LIFETIME.toSeconds()));
            response.status(201);
            return json(response, sessionBody(session));
        });
        http.get("/api/session", (request, response) -> json(response, sessionBody(session(request))));
        http.delete("/api/session", (request, response) -> {
            sessions.close(session(request).id());
            response.header("Set-Cookie", cookie("", secure(request), 0));
            response.status(204);
            return "";
        });
        http.get("/api/invitations", (request, response) -> json(response, api.search(session(request), request)));
        http.get("/api/invitations/:id", (request, response) ->
            json(response, api.one(session(request), request.params(":id"))));
        http.post("/api/invitations/:id/verdict", (request, response) ->
            json(response, api.correct(session(request), request.params(":id"), request.body())));
        http.exception(UserWebError.class, (e, request, response) -> {
            response.status(e.status());
            if (e.retryAfterSeconds() != null) {
                response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            response.body(error(response, e.status(), e.getMessage()));
        });
        http.exception(Exception.class, (e, request, response) -> {
            LOGGER.warn("havewemet: the users' page failed a request", e);
            response.status(500);
            response.body(error(response, 500, "internal error"));
        });
        http.notFound((request, response) -> error(response, 404, "not found"));
        http.internalServerError((request, response) -> error(response, 500, "internal error"));
    }

    private static Session session(Request request) {
        Session session = request.attribute("session");
        if (session == null) {
            throw new UserWebError(401, "sign in first");
        }
        return session;
    }

    private static Map<String, Object> sessionBody(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", session.user());
        out.put("csrfToken", session.csrfToken());
        out.put("csrfHeader", RequestGuard.CSRF_HEADER);
        return out;
    }

    /** The session cookie: HttpOnly and SameSite=Strict always, Secure when the page is reached over TLS. */
    static String cookie(String value, boolean secure, long maxAgeSeconds) {
        return RequestGuard.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict"
            + (secure ? "; Secure" : "");
    }

    /** Over TLS here, or through a TLS reverse proxy that says so. */
    private static boolean secure(Request request) {
        String forwarded = request.headers("X-Forwarded-Proto");
        return "https".equals(request.scheme())
            || forwarded != null && forwarded.trim().toLowerCase(Locale.ROOT).equals("https");
    }

    private static String json(Response response, Object body) throws JsonProcessingException {
        response.type(JSON_TYPE);
        return UserWebApi.JSON.writeValueAsString(body);
    }

    private static String error(Response response, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        try {
            return json(response, body);
        } catch (JsonProcessingException impossible) {
            return "{\"statusCode\":" + status + "}";
        }
    }

    private static byte[] asset(String name) {
        try (InputStream in = UserWebServer.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("havewemet jar lacks " + ASSETS + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
