package org.havewemet.opensearch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.havewemet.reply.RateLimits;
import org.havewemet.reply.RateLimits.Outcome;
import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RateLimits} must do, run against the in-memory limiter and OpenSearch. {@link #limits} makes
 * the limits under test; {@link #otherNode} a second instance over the same counts where there can be one.
 */
abstract class RateLimitsContract {
    final TestClock clock = new TestClock(Instant.parse("2026-11-25T05:00:00Z"));

    abstract RateLimits limits(int perUserPerHour, int globalPerHour);

    abstract RateLimits otherNode(RateLimits first, int perUserPerHour, int globalPerHour);

    @Test
    void tryAcquireShouldRefuseUserWhenHourlyUserLimitReached() {
        RateLimits limits = limits(2, 100);

        assertThat(limits.tryAcquire("alice@example.org")).isEqualTo(Outcome.ALLOWED);
        assertThat(limits.tryAcquire("ALICE@example.org")).isEqualTo(Outcome.ALLOWED);
        assertThat(limits.tryAcquire("alice@example.org")).isEqualTo(Outcome.USER_LIMIT);
        assertThat(limits.tryAcquire("carol@example.org")).isEqualTo(Outcome.ALLOWED);
        assertThat(limits.count("alice@example.org")).isEqualTo(2);
    }

    @Test
    void tryAcquireShouldRefuseEveryoneWhenGlobalLimitReached() {
        RateLimits limits = limits(10, 2);
        limits.tryAcquire("a@example.org");
        limits.tryAcquire("b@example.org");

        assertThat(limits.tryAcquire("c@example.org")).isEqualTo(Outcome.GLOBAL_LIMIT);
        assertThat(limits.count("c@example.org")).isZero();
    }

    @Test
    void tryAcquireShouldNotUseUpTheGlobalLimitWhenTheUserIsRefused() {
        RateLimits limits = limits(1, 2);
        limits.tryAcquire("a@example.org");
        assertThat(limits.tryAcquire("a@example.org")).isEqualTo(Outcome.USER_LIMIT);

        assertThat(limits.tryAcquire("b@example.org")).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void tryAcquireShouldAllowAgainWhenWindowSlidesPast() {
        RateLimits limits = limits(1, 100);
        limits.tryAcquire("alice@example.org");
        clock.advance(Duration.ofMinutes(59));
        assertThat(limits.tryAcquire("alice@example.org")).isEqualTo(Outcome.USER_LIMIT);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limits.tryAcquire("alice@example.org")).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void checkShouldNotCountWhenUsedForDryRun() {
        RateLimits limits = limits(1, 1);
        assertThat(limits.check("alice@example.org")).isEqualTo(Outcome.ALLOWED);
        assertThat(limits.check("alice@example.org")).isEqualTo(Outcome.ALLOWED);
        assertThat(limits.count("alice@example.org")).isZero();
    }

    @Test
    void tryAcquireShouldRefuseAllWhenLimitIsZero() {
        assertThat(limits(0, 0).tryAcquire("a@b")).isEqualTo(Outcome.GLOBAL_LIMIT);
    }

    @Test
    void tryAcquireShouldNeverCountMoreThanTheLimitWhenNodesRace() throws Exception {
        RateLimits first = limits(3, 100);
        RateLimits second = otherNode(first, 3, 100);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                RateLimits node = i % 2 == 0 ? first : second;
                Callable<Outcome> race = () -> {
                    go.await();
                    return node.tryAcquire("alice@example.org");
                };
                results.add(pool.submit(race));
            }
            go.countDown();
            int allowed = 0;
            for (Future<Outcome> result : results) {
                allowed += result.get() == Outcome.ALLOWED ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(3);
            assertThat(second.count("alice@example.org")).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
