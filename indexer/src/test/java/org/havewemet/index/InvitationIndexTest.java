package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.index.Corpus.ALICE;
import static org.havewemet.index.Corpus.BOB;

class InvitationIndexTest {
    @TempDir
    Path dir;
    InvitationIndex index;

    @BeforeEach
    void open() throws IOException {
        index = InvitationIndex.open(dir.resolve("index"));
        Corpus.indexAll(index);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void reindexingTheSameInvitationShouldReplaceItNotDuplicateIt() throws IOException {
        Corpus.indexAll(index);
        Corpus.indexAll(index);
        assertThat(index.count(ALICE)).isEqualTo(10);
        assertThat(index.count(BOB)).isEqualTo(4);
        assertThat(index.search(ALICE, "lucene", SortOrder.DATE, 10, 0).total()).isEqualTo(2);
    }

    @Test
    void getShouldRoundTripEveryField() throws IOException {
        InvitationRecord a1 = Corpus.byMessageId("<a1@mail>");
        assertThat(index.get(a1.id())).contains(a1);
        InvitationRecord a5 = Corpus.byMessageId("<a5@mail>");
        assertThat(index.get(a5.id())).contains(a5);
        assertThat(a5.reasons()).containsExactly("sender.lookalike", "link.mismatch");
        assertThat(index.get("nobody/123")).isEmpty();
    }

    @Test
    void idShouldBeStablePerRecipientAndMessageId() {
        assertThat(InvitationRecord.idFor("Alice@Example.com", "<x@y>")).isEqualTo(InvitationRecord.idFor("alice@example.com", " <x@y> "));
        assertThat(InvitationRecord.idFor(ALICE, "<x@y>")).isNotEqualTo(InvitationRecord.idFor(BOB, "<x@y>"));
        assertThat(InvitationRecord.idFor(ALICE, "<x@y>")).isNotEqualTo(InvitationRecord.idFor(ALICE, "<x@z>"));
    }

    @Test
    void updateReplyStatusShouldChangeOnlyTheStatusAndBeSearchable() throws IOException {
        InvitationRecord a4 = Corpus.byMessageId("<a4@mail>");
        assertThat(index.updateReplyStatus(a4.id(), "replied", "template:default")).isTrue();
        assertThat(index.get(a4.id())).contains(a4.withReplyStatus("replied", "template:default"));
        assertThat(index.search(ALICE, "status:replied", SortOrder.DATE, 10, 0).total()).isEqualTo(2);
        assertThat(index.count(ALICE)).isEqualTo(10);
        assertThat(index.updateReplyStatus("alice@example.com/unknown", "replied", null)).isFalse();
    }

    @Test
    void correctionShouldRoundTripWithWhoAndWhenAndBeSearchableAsStatusCorrected() throws IOException {
        InvitationRecord a4 = Corpus.byMessageId("<a4@mail>");
        Instant at = Instant.parse("2026-12-03T10:15:30.123Z");
        InvitationRecord corrected = a4.correctedTo("KNOWN", "admin", at);
        index.index(corrected);

        InvitationRecord stored = index.get(a4.id()).orElseThrow();
        assertThat(stored).isEqualTo(corrected);
        assertThat(stored.verdict()).isEqualTo("KNOWN");
        assertThat(stored.correction()).isEqualTo(new InvitationRecord.Correction("admin", at, "KNOWN", a4.verdict()));
        assertThat(index.search(ALICE, "status:corrected", SortOrder.DATE, 10, 0).hits())
                .extracting(h -> h.record().id()).containsExactly(a4.id());
        assertThat(index.search(ALICE, "status:CORRECTED verdict:known", SortOrder.DATE, 10, 0).total()).isEqualTo(1);
        assertThat(index.search(BOB, "status:corrected", SortOrder.DATE, 10, 0).total()).isZero();
        assertThat(index.updateReplyStatus(a4.id(), "replied", null)).isTrue();
        assertThat(index.get(a4.id()).orElseThrow().correction()).as("a later reply keeps the correction")
                .isEqualTo(corrected.correction());
    }

    @Test
    void eraseInviterShouldRemoveThePersonEverywhereForEveryUser() throws IOException {
        index.addCorrespondent(ALICE, "jlp@starfleet.org", "Jean-Luc Picard");
        index.addCorrespondent(BOB, "JLP@starfleet.org", null);
        index.addCorrespondent(ALICE, "someone@else.org", "Someone Else");

        int erased = index.eraseInviter("JLP@Starfleet.org");

        assertThat(erased).isEqualTo(2 + 1 + 2); // alice a1 a8, bob b1, two correspondent entries
        assertThat(index.search(ALICE, "from:jlp@starfleet.org", SortOrder.DATE, 10, 0).total()).isZero();
        assertThat(index.search(BOB, "picard", SortOrder.DATE, 10, 0).total()).isZero();
        assertThat(index.inviters(ALICE, "", 100, 0)).noneSatisfy(s -> assertThat(s.email()).isEqualTo("jlp@starfleet.org"));
        assertThat(index.isKnown(ALICE, "jlp@starfleet.org", null)).isFalse();
        assertThat(index.isKnown(ALICE, "someone@else.org", null)).isTrue();
        assertThat(index.count(ALICE)).isEqualTo(8);
        assertThat(index.eraseInviter("jlp@starfleet.org")).isZero();
        assertThat(index.eraseInviter("  ")).isZero();
    }

    @Test
    void eraseShouldAlsoWorkByProfileLinkForInvitersWithoutAddress() throws IOException {
        assertThat(index.eraseInviter("https://www.facebook.com/zoe.dupont")).isEqualTo(1);
        assertThat(index.search(ALICE, "zoe", SortOrder.DATE, 10, 0).total()).isZero();
    }

    @Test
    void purgeShouldRemoveOnlyInvitationsReceivedBeforeTheCutoff() throws IOException {
        index.addCorrespondent(ALICE, "old-friend@example.org", null);
        int purged = index.purgeOlderThan(Instant.parse("2024-04-20T16:45:00Z"));
        assertThat(purged).isEqualTo(3 + 2); // alice a1 a2 a3, bob b1 b2
        assertThat(index.count(ALICE)).isEqualTo(7);
        assertThat(index.count(BOB)).isEqualTo(2);
        assertThat(index.search(ALICE, "before:2024-04-21", SortOrder.DATE, 10, 0).total()).isEqualTo(1);
        assertThat(index.isKnown(ALICE, "old-friend@example.org", null)).as("correspondents are not invitations").isTrue();
        assertThat(index.purgeOlderThan(Instant.parse("2020-01-01T00:00:00Z"))).isZero();
    }

    @Test
    void correspondentShouldBeKnownByAddressOrNormalizedName() throws IOException {
        index.addCorrespondent(ALICE, "Jose.Perez@Example.org", "José  Pérez");
        assertThat(index.isKnown(ALICE, "jose.perez@example.org", null)).isTrue();
        assertThat(index.isKnown(ALICE, null, "jose perez")).isTrue();
        assertThat(index.isKnown(ALICE, "other@example.org", "JOSÉ\tPEREZ")).isTrue();
        assertThat(index.isKnown(ALICE, "other@example.org", "Jose Perezz")).isFalse();
        assertThat(index.isKnown(ALICE, null, null)).isFalse();
        index.addCorrespondent(ALICE, "Jose.Perez@Example.org", "José  Pérez");
        assertThat(index.count(ALICE)).as("correspondents are not counted as invitations").isEqualTo(10);
    }

    @Test
    void invitersShouldAggregateOnePersonPerInviterLatestFirst() throws IOException {
        List<InviterSummary> inviters = index.inviters(ALICE, null, 100, 0);
        assertThat(inviters).extracting(InviterSummary::inviterKey).containsExactly(
                "maria.gomez@example.org", "priya@example.in", "jlp@starfleet.org",
                "https://www.facebook.com/zoe.dupont", "bob.smith@acme.com", "security@linkedln-alerts.com",
                "hans@mueller.de");
        InviterSummary maria = inviters.get(0);
        assertThat(maria.count()).isEqualTo(3);
        assertThat(maria.firstSeen()).isEqualTo(Instant.parse("2024-03-15T12:30:00Z"));
        assertThat(maria.lastSeen()).isEqualTo(Instant.parse("2024-07-20T09:15:00Z"));
        assertThat(maria.lastVerdict()).isEqualTo("PERSONAL");
        assertThat(maria.name()).isEqualTo("Maria Gomez");
        InviterSummary jlp = inviters.get(2);
        assertThat(jlp.count()).isEqualTo(2);
        assertThat(jlp.lastVerdict()).isEqualTo("KNOWN");
        assertThat(jlp.recipient()).isEqualTo(ALICE);

        assertThat(index.inviters(ALICE, "", 2, 1)).extracting(InviterSummary::inviterKey)
                .containsExactly("priya@example.in", "jlp@starfleet.org");
        assertThat(index.inviters(ALICE, "verdict:unexplained", 10, 0)).extracting(InviterSummary::inviterKey)
                .containsExactly("https://www.facebook.com/zoe.dupont", "maria.gomez@example.org");
        assertThat(index.inviters(ALICE, "verdict:unexplained", 10, 0).get(1).count()).isEqualTo(2);
        assertThat(index.inviters(BOB, "", 10, 0)).hasSize(4);
    }

    @Test
    void invitersShouldFollowReindexingAndErasing() throws IOException {
        InvitationRecord a10 = Corpus.byMessageId("<a10@mail>");
        index.index(a10);
        assertThat(index.inviters(ALICE, "", 1, 0).get(0).count()).isEqualTo(3);
        index.eraseInviter("maria.gomez@example.org");
        assertThat(index.inviters(ALICE, "", 100, 0)).hasSize(6);
    }

    @Test
    void searchShouldSortByDateNewestFirstAndPage() throws IOException {
        SearchResult page1 = index.search(ALICE, "", SortOrder.DATE, 4, 0);
        SearchResult page2 = index.search(ALICE, "", SortOrder.DATE, 4, 4);
        SearchResult page3 = index.search(ALICE, "", SortOrder.DATE, 4, 8);
        assertThat(page1.total()).isEqualTo(10);
        assertThat(page1.hits()).extracting(h -> h.record().messageId())
                .containsExactly("<a10@mail>", "<a9@mail>", "<a8@mail>", "<a7@mail>");
        assertThat(page2.hits()).extracting(h -> h.record().messageId())
                .containsExactly("<a6@mail>", "<a5@mail>", "<a4@mail>", "<a3@mail>");
        assertThat(page3.hits()).extracting(h -> h.record().messageId()).containsExactly("<a2@mail>", "<a1@mail>");
        assertThat(index.search(ALICE, "", SortOrder.DATE, 4, 12).hits()).isEmpty();
        assertThat(index.search(ALICE, "", SortOrder.DATE, 0, 0).total()).isEqualTo(10);
    }

    @Test
    void relevanceSortShouldPutTheBestMatchFirst() throws IOException {
        // "acme" is in both company and note of a6 and a9; "lucene acme" only fully matches a6.
        SearchResult result = index.search(ALICE, "lucene OR acme OR recruiter", SortOrder.RELEVANCE, 10, 0);
        assertThat(result.hits().get(0).record().messageId()).isEqualTo("<a6@mail>");
        assertThat(result.hits()).isSortedAccordingTo((a, b) -> Float.compare(b.score(), a.score()));
        assertThat(result.hits()).allSatisfy(h -> assertThat(h.score()).isPositive());
    }

    @Test
    void facetsShouldCountAllMatchesNotOnlyThePage() throws IOException {
        SearchResult all = index.search(ALICE, "", SortOrder.DATE, 1, 0);
        assertThat(all.verdicts()).isEqualTo(Map.of("PERSONAL", 5L, "UNEXPLAINED", 3L, "SUSPICIOUS", 1L, "KNOWN", 1L));
        assertThat(all.platforms()).isEqualTo(Map.of("linkedin", 7L, "xing", 1L, "direct", 1L, "facebook", 1L));
        assertThat(all.months()).isEqualTo(Map.of("2024-03", 2L, "2024-04", 2L, "2024-05", 2L, "2024-06", 2L,
                "2024-07", 2L));
        SearchResult linkedin = index.search(ALICE, "platform:linkedin", SortOrder.DATE, 1, 0);
        assertThat(linkedin.platforms()).isEqualTo(Map.of("linkedin", 7L));
        assertThat(linkedin.verdicts()).isEqualTo(Map.of("PERSONAL", 3L, "UNEXPLAINED", 2L, "SUSPICIOUS", 1L, "KNOWN", 1L));
    }

    @Test
    void snippetShouldHighlightMatchedWordsOfTheNote() throws IOException {
        SearchResult result = index.search(ALICE, "kubernetes", SortOrder.DATE, 10, 0);
        assertThat(result.hits()).singleElement().satisfies(h ->
                assertThat(h.snippet()).contains("<b>Kubernetes</b>").contains("meetup"));
        SearchResult byName = index.search(ALICE, "from:priya@example.in", SortOrder.DATE, 10, 0);
        assertThat(byName.hits().get(0).snippet()).as("no word of the note matched: its beginning")
                .startsWith("Hi, I am a data scientist");
        SearchResult noNote = index.search(ALICE, "zoe", SortOrder.DATE, 10, 0);
        assertThat(noNote.hits().get(0).snippet()).isNull();
        SearchResult escaped = index.search(ALICE, "connect", SortOrder.DATE, 10, 0);
        assertThat(escaped.hits().get(0).snippet()).contains("I&#x27;d").contains("<b>connect</b>");
    }

    @Test
    void concurrentWritersAndReadersShouldNotLoseInvitations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String user = "user" + (i % 3) + "@example.com";
                        index.index(new InvitationRecord(InvitationRecord.idFor(user, "<t" + thread + "-" + i + ">"),
                                user, "<t" + thread + "-" + i + ">", "linkedin", "invitation", "Person " + i, null,
                                null, null, null, null, "note number " + i, "en", "UNEXPLAINED", List.of(), null, null,
                                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), null, null));
                        if (i % 20 == 0) {
                            index.search(user, "note", SortOrder.DATE, 5, 0);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long total = index.count("user0@example.com") + index.count("user1@example.com") + index.count("user2@example.com");
        assertThat(total).isEqualTo(1600);
    }
}
