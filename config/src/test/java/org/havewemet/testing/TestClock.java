package org.havewemet.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until the test moves it, in UTC: code under test that takes a {@link Clock} sees time
 * pass only when the test says so, so no test ever waits for, or depends on, the wall clock. Safe to read from other
 * threads while the test moves it.
 */
public final class TestClock extends Clock {
    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    /** Moves the time forward (or back, with a negative duration). */
    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    /** Sets the time. */
    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Always UTC: the zone is not part of what these tests vary. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
