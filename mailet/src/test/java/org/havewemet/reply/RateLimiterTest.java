package org.havewemet.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T05:00:00Z"));

    @Test
    void tryAcquireShouldRefuseUserWhenHourlyUserLimitReached() {
        RateLimiter limiter = new RateLimiter(clock, 2, 100);

        assertThat(limiter.tryAcquire("alice@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
        assertThat(limiter.tryAcquire("ALICE@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
        assertThat(limiter.tryAcquire("alice@example.org")).isEqualTo(RateLimiter.Outcome.USER_LIMIT);
        assertThat(limiter.tryAcquire("carol@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
        assertThat(limiter.count("alice@example.org")).isEqualTo(2);
    }

    @Test
    void tryAcquireShouldRefuseEveryoneWhenGlobalLimitReached() {
        RateLimiter limiter = new RateLimiter(clock, 10, 2);
        limiter.tryAcquire("a@example.org");
        limiter.tryAcquire("b@example.org");

        assertThat(limiter.tryAcquire("c@example.org")).isEqualTo(RateLimiter.Outcome.GLOBAL_LIMIT);
        assertThat(limiter.count("c@example.org")).isZero();
    }

    @Test
    void tryAcquireShouldAllowAgainWhenWindowSlidesPast() {
        RateLimiter limiter = new RateLimiter(clock, 1, 100);
        limiter.tryAcquire("alice@example.org");
        clock.advance(Duration.ofMinutes(59));
        assertThat(limiter.tryAcquire("alice@example.org")).isEqualTo(RateLimiter.Outcome.USER_LIMIT);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("alice@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
    }

    @Test
    void checkShouldNotCountWhenUsedForDryRun() {
        RateLimiter limiter = new RateLimiter(clock, 1, 1);

        assertThat(limiter.check("alice@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
        assertThat(limiter.check("alice@example.org")).isEqualTo(RateLimiter.Outcome.ALLOWED);
        assertThat(limiter.count("alice@example.org")).isZero();
    }

    @Test
    void constructorShouldRejectNegativeLimitsWhenMisconfigured() {
        assertThatThrownBy(() -> new RateLimiter(clock, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimiter(clock, 0, 0).tryAcquire("a@b")).isEqualTo(RateLimiter.Outcome.GLOBAL_LIMIT);
    }
}
