package org.havewemet.opensearch;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import org.havewemet.config.StorageConfig;
import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.RateLimits;
import org.havewemet.reply.ReplyStorage;

/**
 * {@code storage.backend: opensearch} for the reply state: found by {@link ReplyStorage#open} through
 * {@code META-INF/services}. Nothing is contacted at start: a node that starts while OpenSearch is down runs, files
 * mail, and reserves (so replies) nothing until OpenSearch answers.
 */
public final class OpenSearchReplyStorage implements ReplyStorage {
    private final OpenSearchStorage storage;
    private final OpenSearchLedger ledger;

    OpenSearchReplyStorage(OpenSearchStorage storage) {
        this.storage = storage;
        this.ledger = OpenSearchLedger.open(storage);
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public RateLimits rateLimits(Clock clock, int perUserPerHour, int globalPerHour) {
        return OpenSearchRateLimits.open(storage, clock, perUserPerHour, globalPerHour);
    }

    @Override
    public void close() throws IOException {
        storage.close();
    }

    /** The {@link ReplyStorage.Provider} registered in {@code META-INF/services}. */
    public static final class Provider implements ReplyStorage.Provider {
        @Override
        public StorageConfig.Backend backend() {
            return StorageConfig.Backend.OPENSEARCH;
        }

        @Override
        public ReplyStorage open(StorageConfig config) {
            StorageConfig.OpenSearch os = config.opensearch();
            Optional<OpenSearchStorage.Credentials> credentials = os.user() == null ? Optional.empty()
                    : Optional.of(new OpenSearchStorage.Credentials(os.user(), os.password() == null ? ""
                            : os.password()));
            return new OpenSearchReplyStorage(OpenSearchStorage.connect(os.hosts().stream().map(URI::create).toList(),
                    os.indexPrefix(), credentials));
        }
    }
}
