package org.havewemet.userweb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code perAddress} failed sign-ins for one mail address, or {@code perClient}
 * from one client address, within {@code window}, further attempts are refused (even with the right password)
 * until the window that counted them has passed. A successful sign-in clears the address' count.
 */
final class SignInLimiter {
    static final int PER_ADDRESS = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Counters kept at most (then the expired ones are dropped): failures cannot exhaust memory. */
    static final int MAX_COUNTERS = 50_000;

    private record Failures(Instant since, int count) {
    }

    private final Clock clock;
    private final int perAddress;
    private final int perClient;
    private final Duration window;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInLimiter(Clock clock) {
        this(clock, PER_ADDRESS, PER_CLIENT, WINDOW);
    }

    SignInLimiter(Clock clock, int perAddress, int perClient, Duration window) {
        this.clock = clock;
        this.perAddress = perAddress;
        this.perClient = perClient;
        this.window = window;
    }

    /** How long until a sign-in for this address from this client may be tried again; empty when it may now. */
    Optional<Duration> blocked(String address, String client) {
        Instant now = clock.instant();
        Optional<Duration> byAddress = wait(addressKey(address), perAddress, now);
        Optional<Duration> byClient = wait(clientKey(client), perClient, now);
        if (byAddress.isPresent() && byClient.isPresent()) {
            return Optional.of(byAddress.get().compareTo(byClient.get()) > 0 ? byAddress.get() : byClient.get());
        }
        return byAddress.isPresent() ? byAddress : byClient;
    }

    void failed(String address, String client) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_COUNTERS) {
            failures.entrySet().removeIf(e -> !now.isBefore(e.getValue().since().plus(window)));
        }
        count(addressKey(address), now);
        count(clientKey(client), now);
    }

    void succeeded(String address) {
        failures.remove(addressKey(address));
    }

    private void count(String key, Instant now) {
        failures.merge(key, new Failures(now, 1), (old, one) -> !now.isBefore(old.since().plus(window))
            ? one : new Failures(old.since(), old.count() + 1));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || counted.count() < limit) {
            return Optional.empty();
        }
        Instant until = counted.since().plus(window);
        return now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address.trim().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "c:" + (client == null ? "" : client);
    }
}
