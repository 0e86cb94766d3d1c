package org.havewemet.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code from:} prefixes are expanded among the searching user's inviter addresses only (schema version 2), and that
 * must match exactly what the whole-index expansion matched once scoped to the user.
 */
class ScopedAddressPrefixTest {
    @TempDir
    Path dir;

    @Test
    void userScopedPrefixShouldMatchTheSameInvitationsWithTheSameScoresAsTheWholeIndexPrefix() throws IOException {
        InvitationSchema schema = new InvitationSchema();
        UserQueryParser parser = new UserQueryParser(schema);
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            for (InvitationRecord r : new InvitationGenerator(3, 4).next(2_000)) {
                index.index(r);
            }
        }
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Sort sort = new Sort(SortField.FIELD_SCORE, InvitationSchema.newestFirst());
            for (int u = 0; u < 4; u++) {
                String user = "user" + u + "@example.com";
                for (String query : List.of("from:maria", "from:m", "from:jose", "from:jean-luc", "lucene OR from:li",
                        "-from:ma", "from:zzz")) {
                    Query whole = schema.scoped(user, parser.parse(query));
                    Query scoped = schema.scoped(user, parser.parse(query, user));
                    assertThat(hits(searcher, scoped, sort)).as(user + " " + query).isEqualTo(hits(searcher, whole, sort));
                }
            }
            assertThat(searcher.count(schema.scoped("user0@example.com", parser.parse("from:m", "user0@example.com"))))
                    .as("the test sees some matches").isPositive();
        }
    }

    @Test
    void userScopedPrefixShouldNotMatchAnotherUsersInviterEvenWithoutTheRecipientFilter() throws IOException {
        InvitationSchema schema = new InvitationSchema();
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            index.index(invitation("alice@example.com", "<1@x>", "maria.lopez@example.org"));
            index.index(invitation("bob@example.com", "<2@x>", "maria.garcia@example.org"));
            assertThat(index.search("alice@example.com", "from:maria", SortOrder.DATE, 10, 0).hits())
                    .extracting(h -> h.record().inviterEmail()).containsExactly("maria.lopez@example.org");
        }
        try (FSDirectory directory = FSDirectory.open(dir.resolve("index"));
             DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(searcher.count(schema.inviterEmailPrefix("Alice@Example.com", "maria"))).isEqualTo(1);
            assertThat(searcher.count(schema.inviterEmailPrefix("bob@example.com", "maria.g"))).isEqualTo(1);
            assertThat(searcher.count(schema.inviterEmailPrefix("bob@example.com", "maria.l"))).isZero();
        }
    }

    private static InvitationRecord invitation(String recipient, String messageId, String from) {
        return new InvitationRecord(InvitationRecord.idFor(recipient, messageId), recipient, messageId, "linkedin",
                "invitation", "Maria", from, null, null, null, null, "hello", "en", "UNEXPLAINED", List.of(), "none",
                null, Instant.parse("2024-05-01T10:00:00Z"), null, null);
    }

    private static List<String> hits(IndexSearcher searcher, Query query, Sort sort) throws IOException {
        List<String> out = new ArrayList<>();
        for (ScoreDoc d : searcher.search(query, 10_000, sort, true).scoreDocs) {
            out.add(d.doc + ":" + d.score);
        }
        return out;
    }
}
