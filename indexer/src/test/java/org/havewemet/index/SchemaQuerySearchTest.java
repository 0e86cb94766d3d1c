package org.havewemet.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.index.Corpus.ALICE;
import static org.havewemet.index.Corpus.BOB;

import java.nio.file.Path;
import java.time.Instant;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches with a query built by the schema's factories (as the digest does) instead of query text. */
class SchemaQuerySearchTest {
    @TempDir
    Path dir;

    @Test
    void searchWithAFactoryQueryShouldMatchWhatTheSameQueryTextMatchesForThatUserOnly() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            Instant since = Instant.parse("2024-03-01T00:00:00Z");
            for (String user : new String[] {ALICE, BOB}) {
                SearchResult built = index.search(user, index.schema().receivedBetween(since, null), SortOrder.DATE,
                        50, 0);
                SearchResult parsed = index.search(user, "after:2024-03-01", SortOrder.DATE, 50, 0);

                assertThat(built).isEqualTo(parsed);
                assertThat(built.hits()).allSatisfy(h -> {
                    assertThat(h.record().recipient()).isEqualTo(user);
                    assertThat(h.record().receivedAt()).isAfterOrEqualTo(since);
                });
            }
            assertThat(index.search(ALICE, new MatchAllDocsQuery(), SortOrder.DATE, 50, 0).total())
                    .as("scoped even when the query matches every document").isEqualTo(index.count(ALICE));
        }
    }

    @Test
    void receivedBetweenShouldIncludeTheStartInstantToTheMillisecond() throws Exception {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            InvitationRecord a1 = Corpus.byMessageId("<a1@mail>");
            Instant at = a1.receivedAt();

            assertThat(index.search(ALICE, index.schema().receivedBetween(at, null), SortOrder.DATE, 50, 0).hits())
                    .extracting(h -> h.record().id()).contains(a1.id());
            assertThat(index.search(ALICE, index.schema().receivedBetween(at.plusMillis(1), null), SortOrder.DATE, 50,
                    0).hits()).extracting(h -> h.record().id()).doesNotContain(a1.id());
        }
    }
}
