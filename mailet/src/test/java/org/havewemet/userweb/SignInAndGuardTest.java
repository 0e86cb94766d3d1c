package org.havewemet.userweb;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import org.havewemet.testing.TestClock;
import org.havewemet.userweb.Sessions.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Sign-in against a users repository, then what a session may do: 401 without it, 403 for writes without CSRF. */
class SignInAndGuardTest {
    private static final Map<String, String> PASSWORDS = Map.of("demo@example.com", "secret");

    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final Sessions sessions = new Sessions(clock, new SecureRandom());
    private final SignIn signIn = new SignIn((address, password) -> password.equals(PASSWORDS.get(address)),
        new SignInLimiter(clock), sessions);
    private final RequestGuard guard = new RequestGuard(sessions);

    @Test
    void rightPasswordShouldOpenASessionForTheLowerCaseAddress() {
        Session session = signIn.signIn(" Demo@Example.com", "secret", "10.0.0.1");
        assertThat(session.user()).isEqualTo("demo@example.com");
        assertThat(guard.authorize("GET", session.id(), null)).isEqualTo(sessions.find(session.id()).get());
    }

    @Test
    void wrongPasswordShouldBe401AndTooManyShouldBe429EvenWithTheRightOne() {
        for (int i = 0; i < SignInLimiter.PER_ADDRESS; i++) {
            String guess = "guess" + i;
            assertThat(status(() -> signIn.signIn("demo@example.com", guess, "10.0.0.1"))).isEqualTo(401);
        }
        UserWebError limited = catchThrowableOfType(() -> signIn.signIn("demo@example.com", "secret", "10.0.0.1"),
            UserWebError.class);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isPositive();
    }

    @Test
    void unknownAddressShouldBeRefusedLikeAWrongPassword() {
        UserWebError refused = catchThrowableOfType(() -> signIn.signIn("nobody@example.com", "secret", "10.0.0.1"),
            UserWebError.class);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.getMessage()).isEqualTo("wrong address or password");
    }

    @Test
    void malformedSignInShouldBe400() {
        assertThat(status(() -> signIn.signIn(null, "secret", "10.0.0.1"))).isEqualTo(400);
        assertThat(status(() -> signIn.signIn("no-at-sign", "secret", "10.0.0.1"))).isEqualTo(400);
    }

    @Test
    void requestWithoutOrWithAForgedSessionShouldBe401() {
        assertThat(status(() -> guard.authorize("GET", null, null))).isEqualTo(401);
        assertThat(status(() -> guard.authorize("GET", "forged", null))).isEqualTo(401);
    }

    @Test
    void writeShouldNeedTheSessionsCsrfTokenAndReadsShouldNot() {
        Session session = signIn.signIn("demo@example.com", "secret", "10.0.0.1");
        assertThat(status(() -> guard.authorize("POST", session.id(), null))).isEqualTo(403);
        assertThat(status(() -> guard.authorize("DELETE", session.id(), "wrong"))).isEqualTo(403);
        assertThat(guard.authorize("POST", session.id(), session.csrfToken()).user()).isEqualTo("demo@example.com");
        assertThat(guard.authorize("GET", session.id(), null).user()).isEqualTo("demo@example.com");
    }

    @Test
    void onlyPostToTheSessionShouldGoWithoutASession() {
        assertThat(RequestGuard.isSignIn("POST", "/api/session")).isTrue();
        assertThat(RequestGuard.isSignIn("DELETE", "/api/session")).isFalse();
        assertThat(RequestGuard.isSignIn("POST", "/api/invitations/x/verdict")).isFalse();
    }

    @Test
    void cookieShouldBeHttpOnlyAndSameSiteStrictAndSecureOverTls() {
        assertThat(UserWebServer.cookie("abc", false, 60)).contains("HttpOnly").contains("SameSite=Strict")
            .doesNotContain("Secure");
        assertThat(UserWebServer.cookie("abc", true, 60)).endsWith("; Secure");
    }

    private static int status(Runnable call) {
        return catchThrowableOfType(call::run, UserWebError.class).status();
    }
}
