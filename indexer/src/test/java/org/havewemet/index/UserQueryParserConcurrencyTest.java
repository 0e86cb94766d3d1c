package org.havewemet.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * One parser serves every search of the server at once: parsing must not share any state between calls.
 */
class UserQueryParserConcurrencyTest {
    private static final int THREADS = 8;
    private static final int REPEATS = 300;
    private static final List<String> USERS = List.of("alice@example.com", "Bob@Example.com", "carol@example.org");
    private static final List<String> QUERIES = List.of("", "lucene", "recruiter", "from:maria", "\"great talk\"",
            "verdict:personal platform:linkedin", "after:2024-01-01 before:2024-06-01", "meetup OR konferenz",
            "company:acme -verdict:suspicious", "headline:engineer", "müller", "status:replied note:conference",
            "(kubecon OR fosdem) AND NOT from:recruiter@spam.example", "from:jlp@starfleet.org", "jean-luc picard",
            "NOT (a OR b) c", "-x -y", "event:reminder location:\"new york\"", "(lucene", "lucene OR",
            "after:yesterday", "from: alice", "*");

    private final UserQueryParser parser = new UserQueryParser(new InvitationSchema());

    @Test
    void parseShouldGiveEveryThreadTheSequentialQueryWhenEightThreadsParseDifferentQueriesAtOnce() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < QUERIES.size() * USERS.size(); i++) {
            expected.add(outcome(i));
        }
        CyclicBarrier together = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t * 5; // every thread walks the list from elsewhere: neighbours parse different queries
                mismatches.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    together.await(10, TimeUnit.SECONDS);
                    for (int r = 0; r < REPEATS; r++) {
                        for (int k = 0; k < expected.size(); k++) {
                            int i = (k + offset + r) % expected.size();
                            String got = outcome(i);
                            if (!got.equals(expected.get(i))) {
                                wrong.add(got + " instead of " + expected.get(i));
                            }
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> f : mismatches) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).as("the mix holds both queries and syntax errors")
                .anyMatch(e -> e.startsWith("error")).anyMatch(e -> e.startsWith("query"));
    }

    /** The query (compared by its full structure) or the syntax error of case {@code i}, as text. */
    private String outcome(int i) {
        String text = QUERIES.get(i % QUERIES.size());
        String user = USERS.get(i / QUERIES.size());
        try {
            return "query " + parser.parse(text, user).toString();
        } catch (QuerySyntaxException e) {
            return "error " + e.getMessage();
        }
    }
}
