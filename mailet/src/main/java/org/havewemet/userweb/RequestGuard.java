package org.havewemet.userweb;

import java.util.Locale;

import org.havewemet.userweb.Sessions.Session;

/**
 * Who may do what on the API: every {@code /api/} request but signing in needs a live session cookie (401), and
 * every write (any method but GET and HEAD) also needs that session's CSRF token in {@link #CSRF_HEADER} (403): the
 * SameSite=Strict cookie alone already keeps other sites out, the token keeps out what slips past it.
 */
final class RequestGuard {
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String COOKIE = "havewemet_session";

    private final Sessions sessions;

    RequestGuard(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Whether this request is the sign-in itself, the one API call allowed without a session. */
    static boolean isSignIn(String method, String path) {
        return "POST".equals(method.toUpperCase(Locale.ROOT)) && "/api/session".equals(path);
    }

    /**
     * The session a request acts in.
     *
     * @throws UserWebError 401 without a live session, 403 for a write without its CSRF token
     */
    Session authorize(String method, String sessionCookie, String csrfHeader) {
        Session session = sessions.find(sessionCookie)
            .orElseThrow(() -> new UserWebError(401, "sign in first"));
        String verb = method.toUpperCase(Locale.ROOT);
        boolean write = !verb.equals("GET") && !verb.equals("HEAD");
        if (write && !session.acceptsCsrf(csrfHeader)) {
            throw new UserWebError(403, "missing or wrong " + CSRF_HEADER + " header");
        }
        return session;
    }
}
