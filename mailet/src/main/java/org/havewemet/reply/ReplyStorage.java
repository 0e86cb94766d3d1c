package org.havewemet.reply;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.ServiceLoader;

import org.havewemet.config.StorageConfig;

/**
 * Where the reply state lives (the ledger, the rate-limit counts), chosen by {@code storage.backend}. The embedded
 * backend is built in; another one (OpenSearch, module havewemet-opensearch) is found with {@link ServiceLoader}
 * through a {@link Provider}, so this module never depends on its client library.
 */
public interface ReplyStorage extends AutoCloseable {

    /** The ledger, opened once per start. */
    LedgerStore ledger();

    /** Rate limits with these caps (a configuration reload makes new ones). */
    RateLimits rateLimits(Clock clock, int perUserPerHour, int globalPerHour);

    @Override
    void close() throws IOException;

    /** A storage backend other than the embedded one. */
    interface Provider {
        StorageConfig.Backend backend();

        ReplyStorage open(StorageConfig config) throws IOException;
    }

    /**
     * Opens the configured backend: the journal under {@code base} for {@code embedded}, else the provider of that
     * backend found on the class path.
     *
     * @throws IllegalStateException when no provider of the configured backend is installed
     */
    static ReplyStorage open(StorageConfig config, Path base) throws IOException {
        if (!config.isOpenSearch()) {
            return embedded(ReplyLedger.open(ReplyLedger.defaultDirectory(base)));
        }
        for (Provider provider : ServiceLoader.load(Provider.class, ReplyStorage.class.getClassLoader())) {
            if (provider.backend() == config.backend()) {
                return provider.open(config);
            }
        }
        throw new IllegalStateException("storage.backend is " + config.backend().name().toLowerCase(Locale.ROOT)
                + " but its jar (havewemet-opensearch) is not installed next to havewemet");
    }

    /** The single-node backend: the journal ledger and in-memory limits. */
    static ReplyStorage embedded(ReplyLedger ledger) {
        return new ReplyStorage() {
            @Override
            public LedgerStore ledger() {
                return ledger;
            }

            @Override
            public RateLimits rateLimits(Clock clock, int perUserPerHour, int globalPerHour) {
                return new RateLimiter(clock, perUserPerHour, globalPerHour);
            }

            @Override
            public void close() throws IOException {
                ledger.close();
            }
        };
    }
}
