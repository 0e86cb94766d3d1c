package org.havewemet.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.havewemet.reply.RateLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rate-limit contract on a real OpenSearch node; the other node is a second connection to the same counts. */
@ExtendWith(OpenSearchNode.class)
class OpenSearchRateLimitsContractTest extends RateLimitsContract {
    private final List<OpenSearchStorage> opened = new ArrayList<>();
    private String prefix;

    @AfterEach
    void close() throws IOException {
        if (!opened.isEmpty()) {
            opened.get(0).deleteAllIndices();
        }
        for (OpenSearchStorage storage : opened) {
            storage.close();
        }
    }

    @Override
    RateLimits limits(int perUserPerHour, int globalPerHour) {
        OpenSearchStorage storage = OpenSearchNode.storage();
        prefix = storage.index("");
        opened.add(storage);
        return OpenSearchRateLimits.open(storage, clock, perUserPerHour, globalPerHour);
    }

    @Override
    RateLimits otherNode(RateLimits first, int perUserPerHour, int globalPerHour) {
        OpenSearchStorage storage = OpenSearchStorage.connect(List.of(OpenSearchNode.uri()), prefix,
                Optional.empty());
        opened.add(storage);
        return OpenSearchRateLimits.open(storage, clock, perUserPerHour, globalPerHour);
    }
}
