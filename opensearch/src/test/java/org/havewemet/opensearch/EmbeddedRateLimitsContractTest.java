package org.havewemet.opensearch;

import org.havewemet.reply.RateLimiter;
import org.havewemet.reply.RateLimits;

/** The rate-limit contract on the in-memory limiter (per node: its "other node" is itself). */
class EmbeddedRateLimitsContractTest extends RateLimitsContract {
    @Override
    RateLimits limits(int perUserPerHour, int globalPerHour) {
        return new RateLimiter(clock, perUserPerHour, globalPerHour);
    }

    @Override
    RateLimits otherNode(RateLimits first, int perUserPerHour, int globalPerHour) {
        return first;
    }
}
