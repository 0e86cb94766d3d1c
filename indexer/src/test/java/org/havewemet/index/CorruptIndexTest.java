package org.havewemet.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.havewemet.index.Corpus.ALICE;

class CorruptIndexTest {
    @TempDir
    Path dir;
    Path indexDir;
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(IndexDirectories.class);

    @BeforeEach
    void createIndex() throws IOException {
        indexDir = dir.resolve("index");
        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            Corpus.indexAll(index);
        }
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detachLog() {
        logger.detachAppender(log);
    }

    @Test
    void garbledSegmentFileShouldBeMovedAsideAndAnEmptyIndexCreated() throws IOException {
        Path segmentFile = largestFile(indexDir, name -> !name.startsWith("segments") && !name.equals("write.lock"));
        garble(segmentFile);

        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            assertThat(index.count(ALICE)).isZero();
            Corpus.indexAll(index);
            assertThat(index.count(ALICE)).as("the new index works").isEqualTo(10);
        }

        assertThat(corruptCopies()).singleElement()
                .satisfies(p -> assertThat(p.resolve(segmentFile.getFileName())).exists());
        assertThat(log.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("is corrupt").contains("moved aside").contains(".corrupt-");
        });
    }

    @Test
    void garbledCommitPointShouldBeMovedAsideToo() throws IOException {
        Path segments = largestFile(indexDir, name -> name.startsWith("segments_"));
        garble(segments);

        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            assertThat(index.count(ALICE)).isZero();
        }
        assertThat(corruptCopies()).hasSize(1);
    }

    @Test
    void healthyIndexShouldBeReopenedWithItsDocuments() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            assertThat(index.count(ALICE)).isEqualTo(10);
        }
        assertThat(corruptCopies()).isEmpty();
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.WARN);
    }

    @Test
    void indexLockedByAnotherWriterShouldFailWithoutBeingMovedAside() throws IOException {
        try (InvitationIndex running = InvitationIndex.open(indexDir)) {
            assertThatThrownBy(() -> InvitationIndex.open(indexDir)).isInstanceOf(LockObtainFailedException.class);
            assertThat(running.count(ALICE)).isEqualTo(10);
        }
        assertThat(corruptCopies()).isEmpty();
    }

    private List<Path> corruptCopies() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("index.corrupt-")).toList();
        }
    }

    static Path largestFile(Path indexDir, Predicate<String> nameFilter) throws IOException {
        try (Stream<Path> files = Files.list(indexDir)) {
            return files.filter(p -> nameFilter.test(p.getFileName().toString()))
                    .max(Comparator.comparingLong(p -> p.toFile().length()))
                    .orElseThrow();
        }
    }

    /** Overwrites the middle of the file with garbage, as a bad disk block would. */
    static void garble(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long start = Math.max(0, length / 2 - 16);
            raf.seek(start);
            for (int i = 0; i < 32 && start + i < length; i++) {
                raf.write(0x5A ^ i);
            }
        }
    }
}
