package org.havewemet.opensearch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.LedgerEntry;
import org.havewemet.reply.LedgerStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LedgerStore} must do, run against each implementation: the embedded journal and OpenSearch.
 * {@link #store()} is the store under test; {@link #otherNode()} is the same data seen through a second instance
 * where the implementation allows one (a second James node), or the same instance where it does not.
 */
abstract class LedgerStoreContract {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    static final Duration YEAR = Duration.ofDays(365);
    static final String ALICE = "alice@example.org";
    static final String BOB = "bob@x.test";

    abstract LedgerStore store();

    abstract LedgerStore otherNode();

    @Test
    void tryReserveShouldRefuseSecondReplyWhenWithinPeriod() {
        assertThat(store().tryReserve(ALICE, BOB, T0, YEAR)).isTrue();
        assertThat(store().tryReserve("ALICE@example.org", "Bob@X.test", T0.plusSeconds(60), YEAR)).isFalse();
        assertThat(store().tryReserve("carol@example.org", BOB, T0, YEAR)).isTrue();
        assertThat(store().isAnsweredWithin(ALICE, BOB, T0.plusSeconds(60), YEAR)).isTrue();
        assertThat(store().isAnsweredWithin(ALICE, "dan@x.test", T0.plusSeconds(60), YEAR)).isFalse();
    }

    @Test
    void tryReserveShouldAllowAgainWhenPeriodExpired() {
        Duration month = Duration.ofDays(30);
        store().tryReserve(ALICE, BOB, T0, month);
        store().recordSent(ALICE, BOB, "<r1@example.org>", "<o1@x.test>", null, T0.plusSeconds(5));

        assertThat(store().tryReserve(ALICE, BOB, T0.plus(Duration.ofDays(29)), month)).isFalse();
        assertThat(store().tryReserve(ALICE, BOB, T0.plus(Duration.ofDays(31)), month)).isTrue();
        assertThat(store().entries(ALICE)).hasSize(2);
    }

    @Test
    void releaseShouldFreeThePairWhenTheReplyWasNotSent() {
        store().tryReserve(ALICE, BOB, T0, YEAR);
        store().release("Alice@Example.org", "BOB@x.test");

        assertThat(store().entries(ALICE)).isEmpty();
        assertThat(store().isAnsweredWithin(ALICE, BOB, T0, YEAR)).isFalse();
        assertThat(store().tryReserve(ALICE, BOB, T0.plusSeconds(1), YEAR)).isTrue();
    }

    @Test
    void releaseShouldDoNothingWhenTheReplyWasSent() {
        store().tryReserve(ALICE, BOB, T0, YEAR);
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0.plusSeconds(1));
        store().release(ALICE, BOB);

        assertThat(store().entries(ALICE)).hasSize(1);
        assertThat(store().tryReserve(ALICE, BOB, T0.plusSeconds(2), YEAR)).isFalse();
    }

    @Test
    void recordSentShouldCompleteTheReservationWithNormalisedIds() {
        store().tryReserve(ALICE, BOB, T0, YEAR);
        store().recordSent(ALICE, BOB, "r1@example.org", "<o1@x.test>", "inv-7", T0.plusSeconds(3));

        List<LedgerEntry> entries = store().entries(ALICE);
        assertThat(entries).hasSize(1);
        LedgerEntry entry = entries.get(0);
        assertThat(entry.user()).isEqualTo(ALICE);
        assertThat(entry.inviterKey()).isEqualTo(BOB);
        assertThat(entry.reservedAt()).isEqualTo(T0);
        assertThat(entry.sentAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(entry.replyMessageId()).isEqualTo("<r1@example.org>");
        assertThat(entry.originalMessageId()).isEqualTo("<o1@x.test>");
        assertThat(entry.invitationId()).isEqualTo("inv-7");
        assertThat(entry.answer()).isEqualTo(AnswerKind.NO_ANSWER);
    }

    @Test
    void recordSentShouldCreateAnEntryWhenNothingWasReserved() {
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0);

        assertThat(store().entries(ALICE)).singleElement()
                .satisfies(e -> assertThat(e.reservedAt()).isEqualTo(T0))
                .satisfies(e -> assertThat(e.sentAt()).isEqualTo(T0));
        assertThat(store().tryReserve(ALICE, BOB, T0.plusSeconds(1), YEAR)).isFalse();
    }

    @Test
    void findByReplyMessageIdShouldFindTheEntryWithOrWithoutBrackets() {
        store().tryReserve(ALICE, BOB, T0, YEAR);
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0);

        assertThat(store().findByReplyMessageId("r1@example.org")).map(LedgerEntry::inviterKey).contains(BOB);
        assertThat(store().findByReplyMessageId("<r1@example.org>")).isPresent();
        assertThat(store().findByReplyMessageId("<other@example.org>")).isEmpty();
        assertThat(store().findByReplyMessageId("not a message id")).isEmpty();
    }

    @Test
    void recordAnswerShouldRememberTheAnswerWhenTheReplyIsOurs() {
        store().tryReserve(ALICE, BOB, T0, YEAR);
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0);

        assertThat(store().recordAnswer("<r1@example.org>", AnswerKind.SHARED_CONTEXT, T0.plusSeconds(60))).isTrue();
        assertThat(store().recordAnswer("<unknown@example.org>", AnswerKind.SHARED_CONTEXT, T0)).isFalse();
        assertThat(store().findByReplyMessageId("<r1@example.org>")).get()
                .satisfies(e -> assertThat(e.answer()).isEqualTo(AnswerKind.SHARED_CONTEXT))
                .satisfies(e -> assertThat(e.answeredAt()).isEqualTo(T0.plusSeconds(60)));
    }

    @Test
    void unansweredShouldListSentRepliesWithoutAnswerOlderThanTheCutoff() {
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0);
        store().recordSent(ALICE, "carl@x.test", "<r2@example.org>", null, null, T0.plusSeconds(10));
        store().recordSent(ALICE, "dora@x.test", "<r3@example.org>", null, null, T0.plus(Duration.ofDays(5)));
        store().recordAnswer("<r2@example.org>", AnswerKind.NOT_MET_NO_REASON, T0.plusSeconds(20));
        store().tryReserve(ALICE, "eve@x.test", T0, YEAR);
        store().recordSent("zoe@example.org", BOB, "<r4@example.org>", null, null, T0);

        assertThat(store().unanswered(ALICE, T0.plus(Duration.ofDays(1)))).extracting(LedgerEntry::inviterKey)
                .containsExactly(BOB);
    }

    @Test
    void entriesShouldBeOldestFirstAndOnlyTheUsers() {
        store().recordSent(ALICE, "late@x.test", "<r1@example.org>", null, null, T0.plusSeconds(30));
        store().tryReserve(ALICE, "early@x.test", T0, YEAR);
        store().tryReserve("zoe@example.org", BOB, T0.plusSeconds(10), YEAR);

        assertThat(store().entries("ALICE@example.org")).extracting(LedgerEntry::inviterKey)
                .containsExactly("early@x.test", "late@x.test");
        assertThat(store().entries("nobody@example.org")).isEmpty();
    }

    @Test
    void eraseShouldRemoveEveryEntryAboutTheInviterForEveryUser() {
        store().recordSent(ALICE, BOB, "<r1@example.org>", null, null, T0);
        store().tryReserve("zoe@example.org", "Bob@X.test", T0, YEAR);
        store().recordSent(ALICE, "carl@x.test", "<r2@example.org>", null, null, T0);

        assertThat(store().erase("BOB@x.test")).isEqualTo(2);
        assertThat(store().erase(BOB)).isZero();
        assertThat(store().entries(ALICE)).extracting(LedgerEntry::inviterKey).containsExactly("carl@x.test");
        assertThat(store().entries("zoe@example.org")).isEmpty();
        assertThat(store().findByReplyMessageId("<r1@example.org>")).isEmpty();
        assertThat(store().tryReserve(ALICE, BOB, T0.plusSeconds(1), YEAR)).isTrue();
    }

    @Test
    void tryReserveShouldRejectABlankUserOrKey() {
        assertThatThrownBy(() -> store().tryReserve(" ", BOB, T0, YEAR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().tryReserve(ALICE, null, T0, YEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tryReserveShouldLetExactlyOneWinWhenTwoNodesRaceForTheSameInviter() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 5; round++) {
                String inviter = "racer" + round + "@x.test";
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    LedgerStore node = i % 2 == 0 ? store() : otherNode();
                    Callable<Boolean> race = () -> {
                        go.await();
                        return node.tryReserve(ALICE, inviter, T0, YEAR);
                    };
                    results.add(pool.submit(race));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> result : results) {
                    winners += result.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(otherNode().entries(ALICE)).hasSize(5);
    }
}
