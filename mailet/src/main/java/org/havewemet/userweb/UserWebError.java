package org.havewemet.userweb;

/** A request the API refuses: the HTTP status and a message safe to show (never a secret, never a stack trace). */
final class UserWebError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Long retryAfterSeconds;

    UserWebError(int status, String message) {
        this(status, message, null);
    }

    UserWebError(int status, String message, Long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static UserWebError notFound() {
        return new UserWebError(404, "no such invitation");
    }

    static UserWebError invalid(String message) {
        return new UserWebError(400, message);
    }

    int status() {
        return status;
    }

    /** For 429: when to try again. */
    Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
