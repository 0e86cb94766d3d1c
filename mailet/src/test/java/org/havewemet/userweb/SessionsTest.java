package org.havewemet.userweb;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.havewemet.testing.TestClock;
import org.havewemet.userweb.Sessions.Session;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions: random ids and CSRF tokens, idle and absolute expiry, sign-out, a bounded number kept. */
class SessionsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final Sessions sessions = new Sessions(clock, new SecureRandom());

    @Test
    void openedSessionShouldBeFoundByItsIdWithAnUnguessableIdAndToken() {
        Session session = sessions.open("demo@example.com");
        assertThat(session.id()).hasSize(43).isNotEqualTo(session.csrfToken());
        assertThat(session.csrfToken()).hasSize(43);
        assertThat(sessions.open("demo@example.com").id()).isNotEqualTo(session.id());
        assertThat(sessions.find(session.id())).map(Session::user).contains("demo@example.com");
    }

    @Test
    void sessionShouldExpireWhenIdleLongerThanTheIdleTime() {
        Session session = sessions.open("demo@example.com");
        clock.advance(Sessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(session.id())).as("a request keeps it alive").isPresent();
        clock.advance(Sessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(session.id())).isPresent();
        clock.advance(Sessions.IDLE);
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void sessionShouldExpireAfterItsLifetimeEvenWhenUsed() {
        Session session = sessions.open("demo@example.com");
        for (Duration used = Duration.ZERO; used.compareTo(Sessions.LIFETIME) < 0; used = used.plusMinutes(20)) {
            assertThat(sessions.find(session.id())).isPresent();
            clock.advance(Duration.ofMinutes(20));
        }
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void closedSessionShouldBeGone() {
        Session session = sessions.open("demo@example.com");
        sessions.close(session.id());
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void unknownOrMissingIdsShouldFindNothing() {
        sessions.open("demo@example.com");
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find("forged-id")).isEmpty();
    }

    @Test
    void csrfTokenShouldBeAcceptedOnlyWhenEqual() {
        Session session = sessions.open("demo@example.com");
        assertThat(session.acceptsCsrf(session.csrfToken())).isTrue();
        assertThat(session.acceptsCsrf(null)).isFalse();
        assertThat(session.acceptsCsrf("")).isFalse();
        assertThat(session.acceptsCsrf(sessions.open("other@example.com").csrfToken())).isFalse();
    }

    @Test
    void sessionsShouldStayBoundedWhenManySignInsCome() {
        for (int i = 0; i < Sessions.MAX_SESSIONS + 50; i++) {
            sessions.open("user" + i + "@example.com");
        }
        assertThat(sessions.size()).isLessThanOrEqualTo(Sessions.MAX_SESSIONS);
    }
}
