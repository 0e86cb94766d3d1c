package org.havewemet.reply;

/**
 * Caps on replies per user and for the whole server over a sliding one-hour window. Two implementations:
 * {@link RateLimiter} (in memory, per node, the default) and one in OpenSearch shared by every node (module
 * havewemet-opensearch).
 */
public interface RateLimits {
    /** Outcome of a check. */
    enum Outcome { ALLOWED, USER_LIMIT, GLOBAL_LIMIT }

    /** Whether a reply would be allowed now, without counting it (dry runs). */
    Outcome check(String user);

    /** Counts a reply when both limits allow it; counts nothing otherwise. */
    Outcome tryAcquire(String user);

    /** Replies counted for the user in the current window. */
    int count(String user);
}
