package org.havewemet.index;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IndexJournalTest {
    private static final String USER = "journal@example.com";

    @TempDir
    Path dir;

    static InvitationRecord record(int i, String inviterEmail) {
        String mid = "<journal-" + i + "@test>";
        return new InvitationRecord(InvitationRecord.idFor(USER, mid), USER, mid, "linkedin", "invitation",
                "Zoë \"Z\" Ng\r\n" + i, inviterEmail, "Engineer", "Acme", "Paris", "https://www.linkedin.com/in/z" + i,
                "line one\nline two \u0000 é 日本", "fr", "UNEXPLAINED", List.of("a.b", "c.d"), "suppressed",
                "RATE_LIMITED_USER", Instant.parse("2024-01-01T00:00:00.123456789Z").plusSeconds(i), 12, 500);
    }

    @Test
    void encodeShouldRoundTripEveryFieldWhenTheyHoldAnyCharacter() throws IOException {
        InvitationRecord full = record(1, "z@example.org");
        InvitationRecord sparse = new InvitationRecord("id", USER, null, null, null, null, null, null, null, null, null,
                null, null, null, List.of(), null, null, Instant.EPOCH, null, null);

        InvitationRecord corrected = full.correctedTo("KNOWN", "alice@example.com", Instant.parse("2026-12-03T10:00:00Z"));
        InvitationRecord correctedBeforeSchema4 = sparse.withCorrection(
                new InvitationRecord.Correction("admin", null, "SUSPICIOUS", null));

        for (JournalOp op : List.of(new JournalOp.Index(full), new JournalOp.Index(sparse),
                new JournalOp.Index(corrected), new JournalOp.Index(correctedBeforeSchema4),
                new JournalOp.Correspondent(USER, "a@b.c", null), new JournalOp.Erase("a@b.c"),
                new JournalOp.Purge(Instant.parse("2020-01-01T00:00:00Z")))) {
            assertThat(JournalOp.decode(JournalOp.encode(op))).isEqualTo(op);
        }
    }

    @Test
    void recordJournaledBeforeSchema4ShouldDecodeAsUncorrected() throws IOException {
        InvitationRecord full = record(1, "z@example.org");
        byte[] current = JournalOp.encode(new JournalOp.Index(full));
        // schema 3 wrote the same bytes without the trailing "no correction" flag
        byte[] schema3 = Arrays.copyOf(current, current.length - 1);

        assertThat(JournalOp.decode(schema3)).isEqualTo(new JournalOp.Index(full));
    }

    @Test
    void openShouldReplayUncommittedWritesAndIgnoreATornTailWhenAProcessDied() throws IOException {
        Path index = dir.resolve("index");
        Path journalDir = IndexJournal.directoryFor(index);
        List<JournalOp> replayed = new ArrayList<>();
        try (IndexJournal journal = IndexJournal.openAndReplay(journalDir, replayed::add)) {
            journal.append(new JournalOp.Index(record(1, "one@example.org")));
            journal.append(new JournalOp.Index(record(2, "two@example.org")));
        }
        Path segment;
        try (Stream<Path> files = Files.list(journalDir)) {
            segment = files.findFirst().orElseThrow();
        }
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            file.setLength(file.length() - 3); // the second write was cut by the kill
        }

        IndexJournal.openAndReplay(journalDir, replayed::add).close();
        assertThat(replayed).containsExactly(new JournalOp.Index(record(1, "one@example.org")));
    }

    @Test
    void replayShouldKeepAnErasedPersonErasedWhenTheirInvitationWasJournaledBefore() throws IOException {
        Path index = dir.resolve("index");
        // What a killed process leaves: writes in the journal, no commit in the index.
        try (IndexJournal journal = IndexJournal.openAndReplay(IndexJournal.directoryFor(index), op -> { })) {
            journal.append(new JournalOp.Index(record(1, "erased@example.org")));
            journal.append(new JournalOp.Index(record(2, "kept@example.org")));
            journal.append(new JournalOp.Index(record(3, "erased@example.org")));
            journal.append(new JournalOp.Erase("erased@example.org"));
            journal.append(new JournalOp.Index(record(4, "kept@example.org")));
            journal.append(new JournalOp.Correspondent(USER, "friend@example.org", "Friend"));
        }
        try (InvitationIndex reopened = InvitationIndex.open(index, Duration.ofHours(1))) {
            assertThat(reopened.search(USER, "", SortOrder.DATE, 10, 0).hits())
                    .extracting(hit -> hit.record().inviterEmail()).containsExactly("kept@example.org", "kept@example.org");
            assertThat(reopened.isKnown(USER, "friend@example.org", null)).isTrue();
        }
        assertThat(journalBytes(index)).as("replayed, committed, trimmed").isZero();
    }

    @Test
    void commitShouldDropJournalSegmentsWhenEverythingInThemIsDurable() throws IOException {
        Path index = dir.resolve("index");
        try (InvitationIndex live = InvitationIndex.open(index, Duration.ofHours(1))) {
            for (int i = 0; i < 50; i++) {
                live.index(record(i, "p" + i + "@example.org"));
            }
            live.commit();
            assertThat(journalBytes(index)).isZero();
            InvitationIndex.JournaledWrite pending = live.journal(record(99, "late@example.org"));
            live.commit();
            assertThat(journalBytes(index)).as("a journaled, unapplied write stays").isPositive();
            live.apply(pending);
            live.index(record(100, "later@example.org"));
            live.commit();
            assertThat(journalBytes(index)).isZero();
        }
    }

    private static long journalBytes(Path index) throws IOException {
        try (Stream<Path> files = Files.list(IndexJournal.directoryFor(index))) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
