package org.havewemet.userweb;

import java.time.Duration;
import java.time.Instant;

import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in rate limit: per mail address and per client address, within a window, cleared by success. */
class SignInLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final SignInLimiter limiter = new SignInLimiter(clock, 3, 5, Duration.ofMinutes(10));

    @Test
    void addressShouldBeBlockedWhenItFailedTheLimitWithinTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blocked("demo@example.com", "10.0.0.1")).isEmpty();
            limiter.failed("demo@example.com", "10.0.0.1");
        }
        assertThat(limiter.blocked("demo@example.com", "10.0.0.1")).contains(Duration.ofMinutes(10));
        assertThat(limiter.blocked("DEMO@example.com", "10.0.0.9")).as("another client, same address").isPresent();
        assertThat(limiter.blocked("other@example.com", "10.0.0.1")).as("another address").isEmpty();
    }

    @Test
    void blockShouldEndWhenTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("demo@example.com", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(9));
        assertThat(limiter.blocked("demo@example.com", "10.0.0.1")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.blocked("demo@example.com", "10.0.0.1")).isEmpty();
    }

    @Test
    void clientShouldBeBlockedWhenItFailedForManyAddresses() {
        for (int i = 0; i < 5; i++) {
            limiter.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertThat(limiter.blocked("fresh@example.com", "10.0.0.1")).isPresent();
        assertThat(limiter.blocked("fresh@example.com", "10.0.0.2")).isEmpty();
    }

    @Test
    void successShouldClearTheAddressCount() {
        limiter.failed("demo@example.com", "10.0.0.1");
        limiter.failed("demo@example.com", "10.0.0.1");
        limiter.succeeded("demo@example.com");
        limiter.failed("demo@example.com", "10.0.0.1");
        limiter.failed("demo@example.com", "10.0.0.1");
        assertThat(limiter.blocked("demo@example.com", "10.0.0.1")).isEmpty();
    }
}
