package org.havewemet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    @FuzzTest(maxDuration = "5m")
    void anyQueryShouldParseOrBeRefusedWithASyntaxError(String text) {
        try {
            assertThat(new UserQueryParser(new InvitationSchema()).parse(text)).isNotNull();
        } catch (QuerySyntaxException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
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
