package org.havewemet.reply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Caps replies per user and for the whole server over a sliding one-hour window, so that a flood of invitations
 * (or a bug) can never turn the server into a spam cannon. Thread-safe. Counts live in memory: a restart forgets
 * them, the ledger still prevents second replies.
 */
public final class RateLimiter implements RateLimits {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    private final int perUserPerHour;
    private final int globalPerHour;
    private final Deque<Instant> global = new ArrayDeque<>();
    private final Map<String, Deque<Instant>> perUser = new HashMap<>();

    /**
     * @param perUserPerHour replies one user may send per hour, 0 forbids all
     * @param globalPerHour  replies the server may send per hour, 0 forbids all
     */
    public RateLimiter(Clock clock, int perUserPerHour, int globalPerHour) {
        if (perUserPerHour < 0 || globalPerHour < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
        this.clock = clock;
        this.perUserPerHour = perUserPerHour;
        this.globalPerHour = globalPerHour;
    }

    /** Whether a reply would be allowed now, without counting it (dry runs). */
    @Override
    public synchronized Outcome check(String user) {
        Instant now = clock.instant();
        evict(global, now);
        Deque<Instant> mine = perUser.get(key(user));
        if (mine != null) {
            evict(mine, now);
        }
        if (global.size() >= globalPerHour) {
            return Outcome.GLOBAL_LIMIT;
        }
        if ((mine == null ? 0 : mine.size()) >= perUserPerHour) {
            return Outcome.USER_LIMIT;
        }
        return Outcome.ALLOWED;
    }

    /** Counts a reply when both limits allow it; counts nothing otherwise. */
    @Override
    public synchronized Outcome tryAcquire(String user) {
        Outcome outcome = check(user);
        if (outcome == Outcome.ALLOWED) {
            Instant now = clock.instant();
            global.addLast(now);
            perUser.computeIfAbsent(key(user), k -> new ArrayDeque<>()).addLast(now);
        }
        return outcome;
    }

    /** Replies counted for the user in the current window. */
    @Override
    public synchronized int count(String user) {
        Deque<Instant> mine = perUser.get(key(user));
        if (mine == null) {
            return 0;
        }
        evict(mine, clock.instant());
        return mine.size();
    }

    private static void evict(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String key(String user) {
        return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
    }
}
