package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.index.Corpus.ALICE;
import static org.havewemet.index.Corpus.BOB;

/** Exact hit counts of the query language over the fixed corpus (see corpus.tsv). */
class SearchQueryTest {
    @TempDir
    static Path dir;
    static InvitationIndex index;

    @BeforeAll
    static void indexCorpus() throws IOException {
        index = InvitationIndex.open(dir.resolve("index"));
        Corpus.indexAll(index);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                                          | 10",
            "lucene                                      | 2",
            "Kubernetes meetup                           | 1",
            "\"kubernetes meetup\"                       | 1",
            "\"meetup kubernetes\"                       | 0",
            "from:jlp@starfleet.org                      | 2",
            "from:JLP@Starfleet.org                      | 2",
            "from:maria                                  | 3",
            "from:\"maria gomez\"                        | 3",
            "from:priya@example.in                       | 1",
            "from:hans                                   | 1",
            "name:muller                                 | 1",
            "name:müller                                 | 1",
            "zoe                                         | 1",
            "jean-luc                                    | 2",
            "jlp@starfleet.org                           | 2",
            "company:acme                                | 2",
            "headline:recruiter                          | 3",
            "recruiter                                   | 3",
            "note:recruiter                              | 1",
            "location:paris                              | 2",
            "platform:linkedin                           | 7",
            "platform:LinkedIn                           | 7",
            "verdict:personal                            | 5",
            "verdict:suspicious                          | 1",
            "status:replied                              | 1",
            "status:drafted                              | 2",
            "status:suppressed                           | 2",
            "status:none                                 | 4",
            "status:answered                             | 1",
            "event:reminder                              | 1",
            "after:2024-06-01                            | 4",
            "before:2024-04-01                           | 2",
            "after:2024-04-01 before:2024-06-01          | 4",
            "lucene OR recruiter                         | 5",
            "acme -lucene                                | 1",
            "acme NOT lucene                             | 1",
            "-platform:linkedin                          | 3",
            "NOT platform:linkedin                       | 3",
            "NOT NOT platform:xing                       | 1",
            "(platform:xing OR platform:facebook) verdict:unexplained | 1",
            "verdict:personal AND company:acme           | 2",
            "verdict:personal (lucene OR konferenz)      | 3",
            "bobsecret                                   | 0",
            "from:secret@bob-only.test                   | 0",
            "*:*                                         | 0",
            "*                                           | 0",
            "recipient:bob@example.com                   | 0",
            "lucene !                                    | 2",
    })
    void queryShouldMatchExactlyTheExpectedInvitationsOfAlice(String query, long expected) throws IOException {
        SearchResult result = index.search(ALICE, query, SortOrder.RELEVANCE, 50, 0);
        assertThat(result.total()).as(query).isEqualTo(expected);
        assertThat(result.hits()).hasSize((int) expected)
                .allSatisfy(hit -> assertThat(hit.record().recipient()).isEqualTo(ALICE));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "''                          | 4",
            "bobsecret                   | 1",
            "from:secret@bob-only.test   | 1",
            "lucene                      | 1",
            "recruiter                   | 1",
            "verdict:unexplained         | 2",
    })
    void queryShouldMatchExactlyTheExpectedInvitationsOfBob(String query, long expected) throws IOException {
        SearchResult result = index.search(BOB, query, SortOrder.DATE, 50, 0);
        assertThat(result.total()).as(query).isEqualTo(expected);
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.record().recipient()).isEqualTo(BOB));
    }
}
