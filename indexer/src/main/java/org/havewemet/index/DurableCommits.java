package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.IndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index's commit cycle: a commit every interval (when something changed) and on demand, each followed by
 * trimming the journal segments whose every write that commit made durable.
 */
final class DurableCommits implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

    private final Path path;
    private final IndexWriter writer;
    private final IndexJournal journal;
    private final ScheduledExecutorService committer;
    private volatile boolean stopped;

    DurableCommits(Path path, IndexWriter writer, IndexJournal journal, Duration interval) {
        this.path = path;
        this.writer = writer;
        this.journal = journal;
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "havewemet-index-commit");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        committer.scheduleWithFixedDelay(this::periodic, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Commits, then drops the journal segments whose every write that commit made durable. */
    void commitNow() throws IOException {
        List<Long> durable = journal.sealForCommit();
        writer.commit();
        journal.delete(durable);
    }

    /** Stops the periodic commits (waiting for one in progress); the caller makes the last commit. */
    @Override
    public void close() {
        stopped = true;
        committer.shutdown();
        try {
            committer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void periodic() {
        try {
            if (!stopped && writer.hasUncommittedChanges()) {
                commitNow();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("havewemet: periodic commit of the invitation index at {} failed", path, e);
        }
    }
}
