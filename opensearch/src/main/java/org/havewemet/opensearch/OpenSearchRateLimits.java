package org.havewemet.opensearch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.reply.RateLimits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reply caps shared by every node: per user and for the whole installation, over a sliding one-hour window.
 *
 * <p>Precision: exact, the same as the embedded {@link org.havewemet.reply.RateLimiter}. Each counter (one document
 * per user, one for the installation) holds the times of the replies counted in the last hour; a reply is counted by
 * a write conditional on the {@code _seq_no} read, so two nodes never both take the last free place. The window is
 * measured on the clock of the node that counts, so clocks apart by s seconds move its edges by s. Unlike the
 * embedded limiter, a restart forgets nothing.
 */
public final class OpenSearchRateLimits implements RateLimits {
    static final String COUNTERS = "rate-limits";
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final String GLOBAL = "*";
    private static final int RETRIES = 50;
    private static final String MAPPINGS = "{\"dynamic\":\"strict\",\"properties\":{"
            + "\"counter\":{\"type\":\"keyword\"},\"times\":{\"type\":\"long\",\"index\":false}}}";

    private final Documents counters;
    private final Runnable index;
    private final Clock clock;
    private final int perUserPerHour;
    private final int globalPerHour;

    private OpenSearchRateLimits(OpenSearchStorage storage, Clock clock, int perUserPerHour, int globalPerHour) {
        this.counters = new Documents(storage, COUNTERS);
        this.index = storage.lazyIndex(COUNTERS, MAPPINGS);
        this.clock = clock;
        this.perUserPerHour = perUserPerHour;
        this.globalPerHour = globalPerHour;
    }

    /**
     * @param perUserPerHour replies one user may send per hour, 0 forbids all
     * @param globalPerHour  replies the installation may send per hour, 0 forbids all
     */
    public static OpenSearchRateLimits open(OpenSearchStorage storage, Clock clock, int perUserPerHour,
                                            int globalPerHour) {
        if (perUserPerHour < 0 || globalPerHour < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
        return new OpenSearchRateLimits(storage, clock, perUserPerHour, globalPerHour);
    }

    @Override
    public Outcome check(String user) {
        index.run();
        Instant now = clock.instant();
        if (live(counters.get(GLOBAL), now).size() >= globalPerHour) {
            return Outcome.GLOBAL_LIMIT;
        }
        if (live(counters.get(userId(user)), now).size() >= perUserPerHour) {
            return Outcome.USER_LIMIT;
        }
        return Outcome.ALLOWED;
    }

    @Override
    public Outcome tryAcquire(String user) {
        index.run();
        Instant now = clock.instant();
        if (!take(GLOBAL, globalPerHour, now)) {
            return Outcome.GLOBAL_LIMIT;
        }
        if (!take(userId(user), perUserPerHour, now)) {
            giveBack(GLOBAL, now);
            return Outcome.USER_LIMIT;
        }
        return Outcome.ALLOWED;
    }

    @Override
    public int count(String user) {
        index.run();
        return live(counters.get(userId(user)), clock.instant()).size();
    }

    private boolean take(String id, int limit, Instant now) {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<Documents.Versioned> read = counters.get(id);
            List<Long> times = live(read, now);
            if (times.size() >= limit) {
                return false;
            }
            times.add(Documents.nanos(now));
            ObjectNode source = source(id, times);
            if (read.isPresent() ? counters.replace(read.get(), source, false) : counters.create(id, source, false)) {
                return true;
            }
        }
        throw Documents.contended("counting a reply");
    }

    private void giveBack(String id, Instant at) {
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<Documents.Versioned> read = counters.get(id);
            if (read.isEmpty()) {
                return;
            }
            List<Long> times = live(read, clock.instant());
            if (!times.remove(Long.valueOf(Documents.nanos(at)))) {
                return;
            }
            if (counters.replace(read.get(), source(id, times), false)) {
                return;
            }
        }
        throw Documents.contended("giving back a counted reply");
    }

    /** The counted times still inside the window ending at {@code now}. */
    private static List<Long> live(Optional<Documents.Versioned> read, Instant now) {
        long cutoff = Documents.nanos(now.minus(WINDOW));
        List<Long> times = new ArrayList<>();
        read.ifPresent(r -> {
            for (JsonNode t : r.source().path("times")) {
                if (t.asLong() > cutoff) {
                    times.add(t.asLong());
                }
            }
        });
        return times;
    }

    private static ObjectNode source(String id, List<Long> times) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.put("counter", id);
        times.forEach(node.putArray("times")::add);
        return node;
    }

    private static String userId(String user) {
        return "user:" + (user == null ? "" : user.trim().toLowerCase(Locale.ROOT));
    }
}
