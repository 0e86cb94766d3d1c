package org.havewemet.userweb;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.userweb.Sessions.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a mailbox owner in with their mail address and password, rate-limited per address and per client. Every
 * refusal says the same ("wrong address or password") so the page never tells which addresses exist.
 */
final class SignIn {
    /** Checks a user's password: James' users repository, the same credentials as IMAP. */
    @FunctionalInterface
    interface Credentials {
        boolean check(String address, String password) throws Exception;
    }

    static final int MAX_ADDRESS_CHARS = 320;
    static final int MAX_PASSWORD_CHARS = 1_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(SignIn.class);

    private final Credentials credentials;
    private final SignInLimiter limiter;
    private final Sessions sessions;

    SignIn(Credentials credentials, SignInLimiter limiter, Sessions sessions) {
        this.credentials = credentials;
        this.limiter = limiter;
        this.sessions = sessions;
    }

    /**
     * @throws UserWebError 400 for a malformed request, 429 while rate-limited, 401 for wrong credentials
     */
    Session signIn(String address, String password, String client) {
        if (address == null || password == null || address.isBlank() || address.length() > MAX_ADDRESS_CHARS
            || password.length() > MAX_PASSWORD_CHARS || address.indexOf('@') <= 0) {
            throw UserWebError.invalid("expected {\"address\": \"you@example.com\", \"password\": \"...\"}");
        }
        String user = address.trim().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = limiter.blocked(user, client);
        if (wait.isPresent()) {
            throw new UserWebError(429, "too many failed sign-ins: try again later",
                Math.max(1, wait.get().toSeconds()));
        }
        boolean valid;
        try {
            valid = credentials.check(user, password);
        } catch (Exception e) {
            LOGGER.warn("havewemet: the users repository could not check a sign-in", e);
            throw new UserWebError(503, "cannot check passwords right now");
        }
        if (!valid) {
            limiter.failed(user, client);
            throw new UserWebError(401, "wrong address or password");
        }
        limiter.succeeded(user);
        return sessions.open(user);
    }
}
