package org.havewemet.index;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Parses the query language people know from mail search into a Lucene query over the user's own invitations:
 * free words and "quoted phrases" (looked up in name, headline, company, location and note), {@code from:} (address
 * or name), {@code name: company: headline: note: location: platform: verdict: status: event:},
 * {@code after:YYYY-MM-DD before:YYYY-MM-DD}, {@code AND OR NOT -word} and parentheses. Adjacent terms are ANDed.
 *
 * <p>It never hands text to Lucene's own query syntax: unknown "field:" prefixes, wildcards and range brackets are
 * just words. The result carries no scoping; {@link InvitationIndex} adds the recipient filter itself.
 */
public final class UserQueryParser {
    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 16;
    public static final int MAX_TERMS = 64;

    private final InvitationSchema schema;

    /** Stateless, so thread-safe: one instance serves every search at once (each parse has its own grammar). */
    public UserQueryParser(InvitationSchema schema) {
        this.schema = schema;
    }

    /**
     * @return the query; a blank query matches everything (the caller scopes it), a query without any searchable
     * word (such as "*") matches nothing
     * @throws QuerySyntaxException saying where and what was expected
     */
    public Query parse(String text) {
        return parse(text, null);
    }

    /**
     * The same query, for an index in the current schema that will be searched for {@code user} only: word prefixes
     * of addresses ({@code from:maria}) are looked up among this user's inviters instead of every user's, so their
     * cost does not grow with other users' invitations. Matches exactly the same documents once scoped to the user.
     */
    public Query parse(String text, String user) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (text.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("query is too long: " + text.length() + " characters, at most " + MAX_LENGTH
                    + " are accepted", 0);
        }
        String scopeUser = user == null ? null : Names.normalizeAddress(user);
        Query query = new QueryGrammar(schema, new QueryLexer(text).tokens(), scopeUser).query();
        return query == null ? new MatchNoDocsQuery("no searchable word") : query;
    }
}
