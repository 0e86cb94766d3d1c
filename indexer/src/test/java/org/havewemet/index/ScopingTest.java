package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.havewemet.index.Corpus.ALICE;
import static org.havewemet.index.Corpus.BOB;

/** Nothing Alice types can show her Bob's invitations, inviters or correspondents. */
class ScopingTest {
    @TempDir
    static Path dir;
    static InvitationIndex index;

    @BeforeAll
    static void indexCorpus() throws IOException {
        index = InvitationIndex.open(dir.resolve("index"));
        Corpus.indexAll(index);
        index.addCorrespondent(BOB, "friend-of-bob@example.net", "Friend Of Bob");
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*:*", "*", "bobsecret", "bobsecret*", "*secret", "recipient:bob@example.com",
            "recipient:bob@example.com OR *:*", "recipient:*", "from:secret@bob-only.test", "secret@bob-only.test",
            "id:bob*", "type:invitation", "field:[a TO z]", "inviterEmail:[a TO z]", "-bobsecret", "NOT bobsecret",
            "-zzzz", "from:eve@evil.test", "(bob OR alice) OR -nothing", "bob@example.com", "\"recipient:bob\"",
            "+recipient:bob@example.com", "recipient:bob@example.com^100", "/.*/", "secret~2", "{!lucene}*:*"})
    void aliceShouldNeverSeeBobsInvitationsWhateverSheTypes(String query) throws IOException {
        for (SortOrder sort : SortOrder.values()) {
            SearchResult result = index.search(ALICE, query, sort, 100, 0);
            assertThat(result.hits()).allSatisfy(h -> assertThat(h.record().recipient()).isEqualTo(ALICE));
            assertThat(result.total()).isLessThanOrEqualTo(10);
            assertThat(result.hits()).noneSatisfy(h -> assertThat(h.record().note()).contains("bobsecret"));
        }
        assertThat(index.inviters(ALICE, query, 100, 0))
                .allSatisfy(s -> assertThat(s.recipient()).isEqualTo(ALICE))
                .noneSatisfy(s -> assertThat(s.email()).isIn("secret@bob-only.test", "eve@evil.test"));
    }

    @Test
    void negativeQueryShouldStayWithinTheUser() throws IOException {
        assertThat(index.search(ALICE, "-zzzz", SortOrder.DATE, 100, 0).total()).isEqualTo(10);
        assertThat(index.search(BOB, "-zzzz", SortOrder.DATE, 100, 0).total()).isEqualTo(4);
    }

    @Test
    void bobsCorrespondentsShouldBeUnknownToAlice() throws IOException {
        assertThat(index.isKnown(BOB, "friend-of-bob@example.net", null)).isTrue();
        assertThat(index.isKnown(ALICE, "friend-of-bob@example.net", null)).isFalse();
        assertThat(index.isKnown(ALICE, null, "Friend Of Bob")).isFalse();
    }

    @Test
    void userAddressShouldBeMatchedCaseInsensitively() throws IOException {
        assertThat(index.count("Alice@Example.COM")).isEqualTo(10);
        assertThat(index.count("nobody@example.com")).isZero();
    }

    @Test
    void badSyntaxShouldThrowQuerySyntaxExceptionFromSearch() {
        assertThatThrownBy(() -> index.search(ALICE, "(lucene", SortOrder.DATE, 10, 0))
                .isInstanceOf(QuerySyntaxException.class);
    }
}
