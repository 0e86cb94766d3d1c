package org.havewemet.index;

import java.util.HashSet;
import java.util.Set;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserQueryParserTest {
    private final UserQueryParser parser = new UserQueryParser(new InvitationSchema());

    @ParameterizedTest(name = "[{0}] fails at column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "'(lucene'                  | 8  | expected ')' to close",
            "'lucene)'                  | 7  | unexpected ')'",
            "'()'                       | 2  | empty parentheses",
            "'\"open phrase'            | 1  | unterminated quoted phrase",
            "'lucene OR'                | 10 | expected a search term after 'OR'",
            "'OR lucene'                | 1  | expected a search term but found 'OR'",
            "'lucene AND AND acme'      | 12 | expected a search term after 'AND'",
            "'NOT'                      | 4  | expected a search term after 'NOT'",
            "'after:yesterday'          | 7  | expected a date as YYYY-MM-DD after 'after:'",
            "'before:2024-13-01'        | 8  | expected a date as YYYY-MM-DD",
            "'from:'                    | 6  | expected a word or a quoted phrase right after 'from:'",
            "'from: alice'              | 7  | right after 'from:'",
            "'from:(alice)'             | 6  | right after 'from:'",
            "'note:\"\"'                | 6  | expected a value inside the quotes",
    })
    void badSyntaxShouldSayWhereAndWhatWasExpected(String query, int column, String message) {
        assertThatThrownBy(() -> parser.parse(query))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("column " + column)
                .satisfies(e -> assertThat(((QuerySyntaxException) e).column()).isEqualTo(column));
    }

    @Test
    void hugeInputShouldBeRejectedWithAClearError() {
        assertThatThrownBy(() -> parser.parse("a ".repeat(600)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("too long");
    }

    @Test
    void tooManyTermsShouldBeRejected() {
        assertThatThrownBy(() -> parser.parse("ab ".repeat(100)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("too many terms");
    }

    @Test
    void deeplyNestedParenthesesShouldBeRejectedWithoutStackOverflow() {
        assertThatThrownBy(() -> parser.parse("(".repeat(200) + "a" + ")".repeat(200)))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> parser.parse("-".repeat(300) + "a"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void blankQueryShouldMatchEverything() {
        assertThat(parser.parse("   ")).isInstanceOf(MatchAllDocsQuery.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*:*", "*", "?", "!!", "(*)"})
    void queriesWithoutAnySearchableWordShouldMatchNothing(String query) {
        assertThat(parser.parse(query)).isInstanceOf(MatchNoDocsQuery.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"recipient:bob@example.com", "id:x", "type:correspondent", "field:[a TO z]",
            "inviterEmail:eve@evil.test", "correspondentAddress:x", "recipient:*", "_id:1 OR recipient:bob"})
    void luceneSyntaxShouldNeverReachTheRecipientOrTypeOrIdFields(String query) {
        Query q = parser.parse(query);
        assertThat(fieldsOf(q)).isNotEmpty();
        assertThat(fieldsOf(q)).doesNotContain(InvitationSchema.RECIPIENT, InvitationSchema.TYPE, InvitationSchema.ID,
                InvitationSchema.CORRESPONDENT_ADDRESS, InvitationSchema.CORRESPONDENT_NAME);
    }

    @Test
    void leadingWildcardShouldBeAPlainWord() {
        assertThat(parser.parse("*cene").toString()).doesNotContain("*").contains("cene");
    }

    @Test
    void operatorsShouldBeCaseSensitiveLikeMailSearch() {
        assertThat(parser.parse("this or that").toString()).contains("or");
    }

    private static Set<String> fieldsOf(Query q) {
        Set<String> fields = new HashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }
}
