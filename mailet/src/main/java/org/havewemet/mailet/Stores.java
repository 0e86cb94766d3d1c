package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.havewemet.config.StorageConfig;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.ReplyStorage;

/**
 * What outlives a configuration change: the data directory and the stores opened once per start (index, its write
 * queue, reply storage (ledger, and what makes rate limits), mass inviters). Closed in the reverse order of opening.
 */
record Stores(Path base, InvitationIndex index, IndexWriteQueue writes, ReplyStorage replies, BulkInviters bulk,
              UserLearning learning) implements AutoCloseable {

    /** @param storage where the reply state lives ({@code storage.*}; a change takes effect at the next start) */
    static Stores open(Path base, Duration commitInterval, StorageConfig storage, Runnable onBackgroundFailure)
            throws IOException {
        InvitationIndex index = InvitationIndex.open(base.resolve("var/havewemet/index"), commitInterval);
        try {
            ReplyStorage replies = ReplyStorage.open(storage, base);
            BulkInviters bulk = BulkInviters.open(base.resolve("var/havewemet/bulk-inviters.jsonl"));
            IndexWriteQueue writes = new IndexWriteQueue(index, IndexWriteQueue.DEFAULT_CAPACITY,
                IndexWriteQueue.DEFAULT_LINGER, onBackgroundFailure);
            return new Stores(base, index, writes, replies, bulk,
                new UserLearning(base.resolve("var/havewemet/learning")));
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    LedgerStore ledger() {
        return replies.ledger();
    }

    @Override
    public void close() {
        HaveWeMetRuntime.closeQuietly("bulk inviters", bulk);
        HaveWeMetRuntime.closeQuietly("index writes", writes);
        HaveWeMetRuntime.closeQuietly("index", index);
        HaveWeMetRuntime.closeQuietly("ledger", replies);
    }
}
