package org.havewemet.reply;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration YEAR = Duration.ofDays(365);

    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve(LedgerJournal.FILE);
    }

    @Test
    void tryReserveShouldRefuseSecondReplyWhenWithinPeriod() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR)).isTrue();
            assertThat(ledger.tryReserve("ALICE@example.org", "Bob@X.test", T0.plusSeconds(60), YEAR)).isFalse();
            assertThat(ledger.tryReserve("carol@example.org", "bob@x.test", T0, YEAR)).isTrue();
        }
    }

    @Test
    void tryReserveShouldAllowAgainWhenPeriodExpired() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, Duration.ofDays(30));
            ledger.recordSent("alice@example.org", "bob@x.test", "<r1@example.org>", "<o1@x.test>", null,
                    T0.plusSeconds(5));

            assertThat(ledger.tryReserve("alice@example.org", "bob@x.test", T0.plus(Duration.ofDays(29)),
                    Duration.ofDays(30))).isFalse();
            assertThat(ledger.tryReserve("alice@example.org", "bob@x.test", T0.plus(Duration.ofDays(31)),
                    Duration.ofDays(30))).isTrue();
        }
    }

    @Test
    void tryReserveShouldNotRetryAnInterruptedReplyWhenReopened() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
            ledger.recordSent("alice@example.org", "bob@x.test", "<r1@example.org>", "<o1@x.test>", null, T0);
            // the server "dies" between reserving and confirming this one
            assertThat(ledger.tryReserve("alice@example.org", "carol@x.test", T0, YEAR)).isTrue();
        }
        try (ReplyLedger reopened = ReplyLedger.open(dir)) {
            assertThat(reopened.entries("alice@example.org")).hasSize(2)
                .filteredOn(e -> !e.isSent()).extracting(LedgerEntry::inviterKey).containsExactly("carol@x.test");
            // at most once: the interrupted reply is not retried
            assertThat(reopened.tryReserve("alice@example.org", "carol@x.test", T0.plusSeconds(60), YEAR)).isFalse();
        }
    }

    @Test
    void ledgerShouldRememberEverythingWhenReopened() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
            ledger.recordSent("alice@example.org", "bob@x.test", "<r1@example.org>", "<o1@x.test>", "inv-7",
                    T0.plusSeconds(1));
            ledger.recordAnswer("r1@example.org", AnswerKind.SHARED_CONTEXT, T0.plusSeconds(3600));
            ledger.tryReserve("alice@example.org", "dave@x.test", T0, YEAR);
        }
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            LedgerEntry bob = ledger.findByReplyMessageId("<r1@example.org>").orElseThrow();
            assertThat(bob.user()).isEqualTo("alice@example.org");
            assertThat(bob.inviterKey()).isEqualTo("bob@x.test");
            assertThat(bob.originalMessageId()).isEqualTo("<o1@x.test>");
            assertThat(bob.invitationId()).isEqualTo("inv-7");
            assertThat(bob.sentAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(bob.answer()).isEqualTo(AnswerKind.SHARED_CONTEXT);
            assertThat(bob.answeredAt()).isEqualTo(T0.plusSeconds(3600));
            assertThat(ledger.entries("alice@example.org")).hasSize(2);
            assertThat(ledger.tryReserve("alice@example.org", "dave@x.test", T0.plusSeconds(9), YEAR)).isFalse();
        }
    }

    @Test
    void openShouldIgnoreTornLastLineAndAppendCleanlyWhenCrashInterruptedAWrite() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
        }
        Files.writeString(journal(), "{\"op\":\"reserve\",\"id\":\"torn\",\"user\":\"alice@exa",
                StandardOpenOption.APPEND);

        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).hasSize(1);
            assertThat(ledger.tryReserve("alice@example.org", "carol@x.test", T0, YEAR)).isTrue();
        }
        assertThat(Files.readAllLines(journal())).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{")
                .endsWith("}"));
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).extracting(LedgerEntry::inviterKey)
                    .containsExactly("bob@x.test", "carol@x.test");
        }
    }

    @Test
    void openShouldIgnoreZeroFilledTailWhenFileSystemLeftGarbage() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
        }
        Files.write(journal(), new byte[] {0, 0, 0, 0, '\n'}, StandardOpenOption.APPEND);

        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).hasSize(1);
        }
        assertThat(Files.readString(journal())).doesNotContain("\u0000");
    }

    @Test
    void openShouldSkipUnreadableMiddleLineWhenLaterRecordsAreValid() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(journal(), String.join("\n",
                "{\"op\":\"reserve\",\"id\":\"a\",\"user\":\"alice@example.org\",\"key\":\"bob@x.test\","
                        + "\"reservedAt\":\"2026-11-01T10:00:00Z\"}",
                "this is not json",
                "{\"op\":\"reserve\",\"id\":\"b\",\"user\":\"alice@example.org\",\"key\":\"carol@x.test\","
                        + "\"reservedAt\":\"2026-11-01T10:00:00Z\",\"futureField\":1}",
                ""), StandardCharsets.UTF_8);

        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).extracting(LedgerEntry::inviterKey)
                    .containsExactly("bob@x.test", "carol@x.test");
        }
    }

    @Test
    void tryReserveShouldGrantExactlyOneWhenManyThreadsRace() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            for (int round = 0; round < 20; round++) {
                String key = "inviter" + round + "@x.test";
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Callable<Boolean> task = () -> {
                        start.await();
                        return ledger.tryReserve("alice@example.org", key, T0, YEAR);
                    };
                    results.add(pool.submit(task));
                }
                start.countDown();
                int granted = 0;
                for (Future<Boolean> f : results) {
                    granted += f.get() ? 1 : 0;
                }
                assertThat(granted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).hasSize(20);
        }
    }

    @Test
    void releaseShouldFreeReservationWhenReplyWasNotSent() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
            ledger.release("alice@example.org", "bob@x.test");
            assertThat(ledger.tryReserve("alice@example.org", "bob@x.test", T0.plusSeconds(1), YEAR)).isTrue();
            ledger.release("alice@example.org", "bob@x.test");
        }
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).isEmpty();
        }
    }

    @Test
    void unansweredShouldListSentRepliesWithoutAnswerWhenOlderThanCutoff() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.recordSent("alice@example.org", "old@x.test", "<r1@e>", null, null, T0);
            ledger.recordSent("alice@example.org", "answered@x.test", "<r2@e>", null, null, T0);
            ledger.recordAnswer("<r2@e>", AnswerKind.NOT_MET_NO_REASON, T0.plusSeconds(10));
            ledger.recordSent("alice@example.org", "recent@x.test", "<r3@e>", null, null, T0.plus(Duration.ofDays(6)));
            ledger.tryReserve("alice@example.org", "reserved@x.test", T0, YEAR);
            ledger.recordSent("carol@example.org", "old@x.test", "<r4@e>", null, null, T0);

            assertThat(ledger.unanswered("alice@example.org", T0.plus(Duration.ofDays(5))))
                    .extracting(LedgerEntry::inviterKey).containsExactly("old@x.test");
        }
    }

    @Test
    void recordAnswerShouldReturnFalseWhenMessageIdIsUnknown() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.recordAnswer("<nope@e>", AnswerKind.SHARED_CONTEXT, T0)).isFalse();
            assertThat(ledger.findByReplyMessageId("garbage")).isEmpty();
        }
    }

    @Test
    void eraseShouldRemovePersonFromDiskWhenAsked() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.recordSent("alice@example.org", "bob@x.test", "<r1@e>", "<o1@x.test>", null, T0);
            ledger.recordSent("carol@example.org", "bob@x.test", "<r2@e>", null, null, T0);
            ledger.recordSent("alice@example.org", "dave@x.test", "<r3@e>", null, null, T0);

            assertThat(ledger.erase("Bob@X.test")).isEqualTo(2);
            assertThat(ledger.findByReplyMessageId("<r1@e>")).isEmpty();
            assertThat(ledger.erase("nobody@x.test")).isZero();
        }
        assertThat(Files.readString(journal())).doesNotContain("bob@x.test").doesNotContain("o1@x.test")
                .contains("dave@x.test");
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).extracting(LedgerEntry::inviterKey)
                    .containsExactly("dave@x.test");
        }
    }

    @Test
    void openShouldCompactJournalWhenAsked() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.tryReserve("alice@example.org", "bob@x.test", T0, YEAR);
            ledger.recordSent("alice@example.org", "bob@x.test", "<r1@e>", null, null, T0);
            ledger.recordAnswer("<r1@e>", AnswerKind.MUTUAL_ACQUAINTANCE, T0);
            ledger.tryReserve("alice@example.org", "gone@x.test", T0, YEAR);
            ledger.release("alice@example.org", "gone@x.test");
        }
        assertThat(Files.readAllLines(journal())).hasSize(5);

        try (ReplyLedger ledger = ReplyLedger.open(dir, true)) {
            assertThat(Files.readAllLines(journal())).hasSize(1);
            assertThat(ledger.findByReplyMessageId("<r1@e>").orElseThrow().answer())
                    .isEqualTo(AnswerKind.MUTUAL_ACQUAINTANCE);
            ledger.tryReserve("alice@example.org", "new@x.test", T0, YEAR);
        }
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(ledger.entries("alice@example.org")).hasSize(2);
        }
    }

    @Test
    @SuppressWarnings("try") // the first ledger is only held open, so that the second open finds the lock taken
    void openShouldFailWhenDirectoryIsAlreadyInUse() throws Exception {
        ReplyLedger first = ReplyLedger.open(dir);
        try {
            assertThatThrownBy(() -> ReplyLedger.open(dir)).isInstanceOf(IllegalStateException.class);
        } finally {
            first.close();
        }
        ReplyLedger.open(dir).close();
    }

    @Test
    void defaultDirectoryShouldBeUnderVarHavewemetWhenGivenDataDir() {
        assertThat(ReplyLedger.defaultDirectory(Path.of("/srv/james")))
                .isEqualTo(Path.of("/srv/james/var/havewemet/ledger"));
    }
}
