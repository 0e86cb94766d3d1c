package org.havewemet.opensearch;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.havewemet.reply.RateLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate-limit contract on a real OpenSearch node; the other node is a second connection to the same counts.
 * The index is made once per class and emptied after each test.
 */
@ExtendWith(OpenSearchNode.class)
class OpenSearchRateLimitsContractTest extends RateLimitsContract {
    private static OpenSearchStorage storage;
    private static OpenSearchStorage second;

    @BeforeAll
    static void connect() {
        storage = OpenSearchNode.storage();
        second = OpenSearchStorage.connect(List.of(OpenSearchNode.uri()), storage.index(""), Optional.empty());
    }

    @AfterEach
    void empty() {
        OpenSearchNode.emptyIndices(storage, OpenSearchRateLimits.COUNTERS);
    }

    @AfterAll
    static void close() throws IOException {
        storage.deleteAllIndices();
        storage.close();
        second.close();
    }

    @Override
    RateLimits limits(int perUserPerHour, int globalPerHour) {
        return OpenSearchRateLimits.open(storage, clock, perUserPerHour, globalPerHour);
    }

    @Override
    RateLimits otherNode(RateLimits first, int perUserPerHour, int globalPerHour) {
        return OpenSearchRateLimits.open(second, clock, perUserPerHour, globalPerHour);
    }
}
