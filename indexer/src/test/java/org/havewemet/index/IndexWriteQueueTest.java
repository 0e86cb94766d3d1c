package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IndexWriteQueueTest {
    private static final String USER = "alice@example.org";

    @TempDir
    Path dir;

    private static InvitationRecord invitation(int n) {
        String messageId = "<m" + n + "@example.org>";
        return new InvitationRecord(InvitationRecord.idFor(USER, messageId), USER, messageId, "linkedin", "invitation",
            "Person " + n, "person" + n + "@example.org", null, null, null, null, "hello", "en", "UNEXPLAINED",
            List.of(), "none", "", Instant.parse("2026-01-01T00:00:00Z"), null, null);
    }

    @Test
    void closeShouldWriteEverythingQueuedFromManyThreadsWhenTheWriterLingers() throws Exception {
        int threads = 8;
        int perThread = 150;
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            // A long linger and a small queue: writers hit back-pressure and close() must drain what is left.
            IndexWriteQueue queue = new IndexWriteQueue(index, 16, Duration.ofSeconds(5), () -> { });
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                done.add(pool.submit(() -> {
                    for (int i = first; i < first + perThread; i++) {
                        InvitationRecord record = invitation(i);
                        queue.submitRecord(record);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            queue.close();

            assertThat(queue.pending()).isZero();
            assertThat(index.count(USER)).isEqualTo(threads * perThread);
        }
    }

    @Test
    void closeShouldWriteWhatIsStillLingeringInTheQueue() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ofSeconds(60), () -> { });
            for (int i = 0; i < 20; i++) {
                InvitationRecord record = invitation(i);
                queue.submitRecord(record);
            }
            assertThat(queue.pending()).as("still lingering").isPositive();

            queue.close();

            assertThat(index.count(USER)).isEqualTo(20);
        }
    }

    @Test
    void flushShouldMakeQueuedWritesSearchableWithoutWaitingForTheLinger() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ofSeconds(30), () -> { });
            try {
                InvitationRecord record = invitation(1);
                queue.submitRecord(record);

                // flush answers true only once the write is done, within its bound: 10 s is a third of the 30 s
                // linger, so a flush that waited for the linger could not return true. No clock is read.
                assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();

                assertThat(queue.pending()).isZero();
                assertThat(index.get(record.id())).isPresent();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void flushShouldReturnOnlyOnceTheSearcherContainsTheBatchWhenNoReadWaitedForIt() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ofSeconds(30), () -> { });
            try {
                for (int i = 0; i < 3; i++) {
                    queue.submitRecord(invitation(i));
                }

                assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();

                // Invitations only: nothing else waited for their generation, the queue itself must have.
                assertThat(index.lastWriteGeneration()).isPositive();
                assertThat(index.searchableGeneration()).isGreaterThanOrEqualTo(index.lastWriteGeneration());
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void queuedCorrespondentShouldCountAsPendingUntilItIsSearchable() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ofSeconds(30), () -> { });
            try {
                queue.addCorrespondent(USER, "Bob.Smith@Example.org", "Bob Smith");

                assertThat(queue.isPendingCorrespondent("ALICE@example.org", "bob.smith@example.org", null)).isTrue();
                assertThat(queue.isPendingCorrespondent(USER, null, "bob smith")).isTrue();
                assertThat(queue.isPendingCorrespondent(USER, "carol@example.org", "Carol")).isFalse();
                assertThat(queue.isPendingCorrespondent("other@example.org", "bob.smith@example.org", null)).isFalse();

                queue.flush(Duration.ofSeconds(10));

                assertThat(queue.isPendingCorrespondent(USER, "bob.smith@example.org", null)).isFalse();
                assertThat(index.isKnown(USER, "bob.smith@example.org", null)).isTrue();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void writerShouldNotWaitForItsBatchesToBecomeSearchable() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ZERO, () -> { });
            try {
                for (int i = 0; i < 3; i++) {
                    queue.submitRecord(invitation(i));
                }

                assertThat(queue.awaitApplied(Duration.ofSeconds(10))).isPositive();

                // Nobody asked to read them: the writer went on without a reopen (the reopen thread refreshes on its
                // own only every 30 s), so the searcher is still older than the writes.
                assertThat(index.searchableGeneration()).isLessThan(index.lastWriteGeneration());
                assertThat(queue.flush(Duration.ofSeconds(10))).isTrue();
                assertThat(index.searchableGeneration()).isGreaterThanOrEqualTo(index.lastWriteGeneration());
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void isKnownShouldAnswerForAnAppliedCorrespondentBeforeTheSearcherContainsIt() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ZERO, () -> { });
            try {
                queue.addCorrespondent(USER, "bob@example.org", "Bob Smith");
                queue.awaitApplied(Duration.ofSeconds(10));
                assertThat(index.isKnownSearchableNow(USER, "bob@example.org", null))
                    .as("applied, not yet searchable").isFalse();

                assertThat(queue.isKnown(USER, "bob@example.org", null)).isTrue();
                assertThat(queue.isKnown(USER, null, "Bob Smith")).isTrue();
                assertThat(queue.isKnown(USER, "carol@example.org", null)).isFalse();

                queue.flush(Duration.ofSeconds(10));

                assertThat(queue.isPendingCorrespondent(USER, "bob@example.org", null)).isFalse();
                assertThat(queue.isKnown(USER, "bob@example.org", null)).as("now from the searcher").isTrue();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void isKnownShouldNotFindAnErasedCorrespondent() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ZERO, () -> { });
            try {
                queue.addCorrespondent(USER, "bob@example.org", null);
                queue.flush(Duration.ofSeconds(10));
                assertThat(queue.isKnown(USER, "bob@example.org", null)).isTrue();

                index.eraseInviter("bob@example.org");

                assertThat(queue.isKnown(USER, "bob@example.org", null)).isFalse();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void failedWriteShouldBeReportedAndNotStopLaterWrites() throws Exception {
        AtomicInteger failures = new AtomicInteger();
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ZERO, failures::incrementAndGet);
            try {
                queue.submit(ix -> {
                    throw new IOException("disk full");
                });
                InvitationRecord record = invitation(2);
                queue.submitRecord(record);
                queue.flush(Duration.ofSeconds(10));

                assertThat(failures).hasValue(1);
                assertThat(index.get(record.id())).isPresent();
            } finally {
                queue.close();
            }
        }
    }

    @Test
    void writeAfterCloseShouldRunOnTheCallersThread() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ZERO, () -> { });
            queue.close();
            InvitationRecord record = invitation(3);

            queue.submitRecord(record);

            assertThat(index.get(record.id())).isPresent();
        }
    }

    @Test
    void submitRecordShouldBeReplayedWhenTheProcessDiesBeforeTheQueueWritesIt() throws Exception {
        Path live = dir.resolve("live");
        Path crashed = dir.resolve("crashed");
        try (InvitationIndex index = InvitationIndex.open(live.resolve("index"), Duration.ofHours(1))) {
            IndexWriteQueue queue = new IndexWriteQueue(index, 100, Duration.ofHours(1), () -> { });
            for (int i = 0; i < 5; i++) {
                queue.submitRecord(invitation(i));
                queue.addCorrespondent(USER, "friend" + i + "@example.org", null);
            }
            assertThat(queue.pending()).as("all still lingering in memory").isEqualTo(10);
            // What a kill -9 leaves on disk right now: copy the files, as the next start would find them.
            copyTree(live, crashed);
            queue.close();
        }
        try (InvitationIndex reopened = InvitationIndex.open(crashed.resolve("index"))) {
            assertThat(reopened.count(USER)).isEqualTo(5);
            assertThat(reopened.isKnown(USER, "friend4@example.org", null)).isTrue();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("write.lock")) {
                    Files.copy(source, target);
                }
            }
        }
    }
}
