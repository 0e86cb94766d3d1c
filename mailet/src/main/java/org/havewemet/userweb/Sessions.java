package org.havewemet.userweb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in users of the page, in memory only (a James restart signs everybody out). A session id and its CSRF
 * token are 256 random bits each; a session ends after {@link #IDLE} without a request, after {@link #LIFETIME} in
 * any case, or when its owner signs out.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration LIFETIME = Duration.ofHours(12);
    /** Beyond this many live sessions the oldest are dropped: sign-ins cannot exhaust memory. */
    static final int MAX_SESSIONS = 10_000;
    private static final Base64.Encoder TOKENS = Base64.getUrlEncoder().withoutPadding();

    /** One signed-in user: {@code user} is their lower-case mail address. */
    record Session(String id, String user, String csrfToken, Instant createdAt, Instant lastSeen) {
        Session seen(Instant at) {
            return new Session(id, user, csrfToken, createdAt, at);
        }

        /** Whether {@code token} (the request's CSRF header, may be null) is this session's, in constant time. */
        boolean acceptsCsrf(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Session> live = new ConcurrentHashMap<>();

    Sessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    Session open(String user) {
        Instant now = clock.instant();
        if (live.size() >= MAX_SESSIONS) {
            dropExpired(now);
            live.values().stream().min((a, b) -> a.lastSeen().compareTo(b.lastSeen()))
                .ifPresent(oldest -> live.remove(oldest.id()));
        }
        Session session = new Session(token(), user, token(), now, now);
        live.put(session.id(), session);
        return session;
    }

    /** The live session with this id (from the cookie, may be null), marked as seen now; empty once it expired. */
    Optional<Session> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Session session = live.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            live.remove(id, session);
            return Optional.empty();
        }
        Session seen = session.seen(now);
        live.replace(id, session, seen);
        return Optional.of(seen);
    }

    void close(String id) {
        if (id != null) {
            live.remove(id);
        }
    }

    int size() {
        return live.size();
    }

    private static boolean expired(Session session, Instant now) {
        return !now.isBefore(session.lastSeen().plus(IDLE)) || !now.isBefore(session.createdAt().plus(LIFETIME));
    }

    private void dropExpired(Instant now) {
        Iterator<Session> sessions = live.values().iterator();
        while (sessions.hasNext()) {
            if (expired(sessions.next(), now)) {
                sessions.remove();
            }
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKENS.encodeToString(bytes);
    }
}
