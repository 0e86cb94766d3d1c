package org.havewemet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.InvitationSchema;
import org.havewemet.index.QuerySyntaxException;
import org.havewemet.index.SearchResult;
import org.havewemet.index.SortOrder;
import org.havewemet.index.UserQueryParser;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any string a user types in the search box either parses or is refused with a {@link QuerySyntaxException}, never
 * another exception; and whatever it parses to, a search by one user never returns another user's invitations.
 */
class UserQueryFuzzTest {
    private static final String ALICE = "alice@havewemet.test";
    private static final String BOB = "bob@havewemet.test";
    private static final InvitationIndex INDEX = seededIndex();

    /**
     * Any other exception fails the test by itself. A refusal names the column of the problem (1 to one past the end)
     * in its message, but for a too long query, which concerns the whole text. A parse matches everything only for a
     * blank query, and parsing the same text again with the same parser gives an equal query (or the same refusal).
     */
    @FuzzTest(maxDuration = "5m")
    void anyQueryShouldParseOrBeRefusedWithASyntaxError(String text) {
        UserQueryParser parser = new UserQueryParser(new InvitationSchema());
        boolean blank = text == null || text.isBlank();
        Query query;
        try {
            query = parser.parse(text);
        } catch (QuerySyntaxException refused) {
            if (text.length() > UserQueryParser.MAX_LENGTH) {
                assertThat(refused.column()).isZero();
                assertThat(refused.getMessage()).startsWith("query is too long: " + text.length() + " characters");
            } else {
                assertThat(refused.column()).isBetween(1, text.length() + 1);
                assertThat(refused.getMessage()).endsWith(" (at column " + refused.column() + ")");
            }
            assertThatThrownBy(() -> parser.parse(text)).isInstanceOf(QuerySyntaxException.class)
                .hasMessage(refused.getMessage());
            return;
        }
        assertThat(query instanceof MatchAllDocsQuery).as("matches everything for %s", text).isEqualTo(blank);
        assertThat(parser.parse(text)).isEqualTo(query);
    }

    @FuzzTest(maxDuration = "5m")
    void anyQueryShouldOnlyFindTheSearchingUsersInvitations(String text) throws IOException {
        SearchResult result;
        try {
            result = INDEX.search(ALICE, text, SortOrder.DATE, 50, 0);
        } catch (QuerySyntaxException refused) {
            return;
        }
        assertThat(result.hits()).allSatisfy(hit -> assertThat(hit.record().recipient()).isEqualTo(ALICE));
    }

    private static InvitationIndex seededIndex() {
        try {
            Path dir = Files.createTempDirectory("query-fuzz-index");
            InvitationIndex index = InvitationIndex.open(dir, Duration.ofHours(1));
            for (String user : List.of(ALICE, BOB)) {
                for (int i = 0; i < 3; i++) {
                    String messageId = "<" + i + "-" + user + ">";
                    index.index(new InvitationRecord(InvitationRecord.idFor(user, messageId), user, messageId,
                        "linkedin", "invitation", "Jane Roe " + i, "jane" + i + "@example.org", "Engineer",
                        "Acme", "Paris", "https://www.linkedin.com/in/jane" + i, "we met at KubeCon", "en",
                        i == 0 ? "PERSONAL" : "UNEXPLAINED", List.of("NO_NOTE"), null, null,
                        Instant.parse("2024-01-0" + (i + 1) + "T10:00:00Z"), 3, 500));
                }
            }
            index.commit();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
