package org.havewemet.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.havewemet.index.QueryLexer.Kind;
import org.havewemet.index.QueryLexer.Token;

/**
 * One parse of one query text: the recursive descent over its tokens, with the cursor and the limits counted so far.
 * A new instance per call of {@link UserQueryParser#parse(String, String)}, never shared between threads, so the
 * parser itself keeps no state and any number of searches parse at once.
 */
final class QueryGrammar {
    private final InvitationSchema schema;
    private final List<Token> tokens;
    /** When set, from: prefixes expand only this user's inviter addresses. */
    private final String scopeUser;
    private int index;
    private int depth;
    private int terms;

    QueryGrammar(InvitationSchema schema, List<Token> tokens, String scopeUser) {
        this.schema = schema;
        this.tokens = tokens;
        this.scopeUser = scopeUser;
    }

    /** The whole query; null when it holds no searchable word. */
    Query query() {
        Query query = orExpression();
        Token rest = peek();
        if (rest.kind() != Kind.EOF) {
            throw new QuerySyntaxException("unexpected " + rest.describe() + ": expected a search term, AND, OR or end"
                    + " of query", rest.column());
        }
        return query == null ? null : standalone(query);
    }

    private Query orExpression() {
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(andExpression());
        while (peek().kind() == Kind.OR) {
            Token or = advance();
            expectTermAfter(or);
            alternatives.add(andExpression());
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean empty = true;
        for (Query q : alternatives) {
            if (q != null) {
                any.add(standalone(q), Occur.SHOULD);
                empty = false;
            }
        }
        return empty ? null : any.build();
    }

    private Query andExpression() {
        List<Query> parts = new ArrayList<>();
        parts.add(unary());
        while (true) {
            Kind next = peek().kind();
            if (next == Kind.EOF || next == Kind.RPAREN || next == Kind.OR) {
                break;
            }
            if (next == Kind.AND) {
                expectTermAfter(advance());
            }
            parts.add(unary());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean positive = false;
        boolean empty = true;
        for (Query q : parts) {
            if (q instanceof Negation n) {
                all.add(n.negated(), Occur.MUST_NOT);
                empty = false;
            } else if (q != null) {
                all.add(q, Occur.MUST);
                positive = true;
                empty = false;
            }
        }
        if (empty) {
            return null;
        }
        if (!positive) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return all.build();
    }

    private Query unary() {
        Token t = peek();
        if (t.kind() == Kind.NOT || t.kind() == Kind.MINUS) {
            advance();
            expectTermAfter(t);
            enter(t);
            Query inner = unary();
            depth--;
            if (inner == null) {
                return null;
            }
            return inner instanceof Negation n ? n.negated() : new Negation(inner);
        }
        return primary();
    }

    private Query primary() {
        Token t = advance();
        switch (t.kind()) {
            case LPAREN: {
                enter(t);
                if (peek().kind() == Kind.RPAREN) {
                    throw new QuerySyntaxException("empty parentheses: expected a search term", peek().column());
                }
                Query inner = orExpression();
                Token close = advance();
                if (close.kind() != Kind.RPAREN) {
                    throw new QuerySyntaxException("expected ')' to close the '(' of column " + t.column()
                            + " but found " + close.describe(), close.column());
                }
                depth--;
                return inner;
            }
            case WORD:
            case PHRASE:
                countTerm(t);
                return freeText(t.text());
            case FIELD:
                countTerm(t);
                return fielded(t, advance());
            default:
                throw new QuerySyntaxException("expected a search term but found " + t.describe(), t.column());
        }
    }

    private Query fielded(Token field, Token value) {
        String name = field.text();
        if ((value.kind() != Kind.WORD && value.kind() != Kind.PHRASE)
                || value.column() != field.column() + name.length() + 1) {
            throw new QuerySyntaxException("expected a word or a quoted phrase right after '" + name + ":' but found "
                    + value.describe(), value.column());
        }
        String v = value.text().trim();
        if (v.isEmpty()) {
            throw new QuerySyntaxException("expected a value inside the quotes after '" + name + ":'", value.column());
        }
        return switch (name) {
            case "from" -> from(v);
            case "name" -> schema.textQuery(InvitationSchema.NAME, v);
            case "company" -> schema.textQuery(InvitationSchema.COMPANY, v);
            case "headline" -> schema.textQuery(InvitationSchema.HEADLINE, v);
            case "note" -> schema.textQuery(InvitationSchema.NOTE, v);
            case "location" -> schema.textQuery(InvitationSchema.LOCATION, v);
            case "platform" -> schema.keywordQuery(InvitationSchema.PLATFORM, v);
            case "verdict" -> schema.keywordQuery(InvitationSchema.VERDICT, v);
            case "status" -> status(v);
            case "event" -> schema.keywordQuery(InvitationSchema.EVENT, v);
            case "after" -> schema.receivedBetween(date(name, value), null);
            case "before" -> schema.receivedBetween(null, date(name, value));
            default -> throw new IllegalStateException("lexer accepted unknown field " + name);
        };
    }

    /** status: the reply status, or {@code corrected} (a verdict changed by hand, schema 4). */
    private Query status(String value) {
        if (!value.equalsIgnoreCase(InvitationRecord.STATUS_CORRECTED)) {
            return schema.keywordQuery(InvitationSchema.REPLY_STATUS, value);
        }
        return schema.keywordQuery(InvitationSchema.CORRECTION_STATUS, value);
    }

    /** from: an address matches exactly; anything else matches the name, or the start of the address. */
    private Query from(String value) {
        String lower = Names.normalizeAddress(value);
        if (value.contains("@")) {
            return new TermQuery(new Term(InvitationSchema.EMAIL, lower));
        }
        Query addressStart = scopeUser == null ? new PrefixQuery(new Term(InvitationSchema.EMAIL, lower))
                : schema.inviterEmailPrefix(scopeUser, lower);
        return new BooleanQuery.Builder()
                .add(schema.textQuery(InvitationSchema.NAME, value), Occur.SHOULD)
                .add(addressStart, Occur.SHOULD)
                .build();
    }

    /** A free word or phrase: any text field, or the inviter's address when it looks like one. */
    private Query freeText(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean empty = true;
        for (String field : InvitationSchema.FREE_TEXT_FIELDS) {
            Query q = schema.textQuery(field, text);
            if (!(q instanceof MatchNoDocsQuery)) {
                any.add(q, Occur.SHOULD);
                empty = false;
            }
        }
        if (text.contains("@")) {
            any.add(new TermQuery(new Term(InvitationSchema.EMAIL, Names.normalizeAddress(text))), Occur.SHOULD);
            empty = false;
        }
        return empty ? null : any.build();
    }

    private static Instant date(String field, Token value) {
        try {
            return LocalDate.parse(value.text().trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new QuerySyntaxException("expected a date as YYYY-MM-DD after '" + field + ":' but found "
                    + value.describe(), value.column());
        }
    }

    private void expectTermAfter(Token operator) {
        Kind next = peek().kind();
        if (next == Kind.EOF || next == Kind.RPAREN || next == Kind.OR || next == Kind.AND) {
            throw new QuerySyntaxException("expected a search term after " + operator.describe() + " but found "
                    + peek().describe(), peek().column());
        }
    }

    private void enter(Token t) {
        if (++depth > UserQueryParser.MAX_DEPTH) {
            throw new QuerySyntaxException("query is nested too deeply: at most " + UserQueryParser.MAX_DEPTH
                    + " levels of parentheses or NOT", t.column());
        }
    }

    private void countTerm(Token t) {
        if (++terms > UserQueryParser.MAX_TERMS) {
            throw new QuerySyntaxException("query has too many terms: at most " + UserQueryParser.MAX_TERMS,
                    t.column());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Kind.EOF) {
            index++;
        }
        return t;
    }

    /** A negation can only live inside a conjunction; alone (or in an OR) it means "everything except". */
    private static Query standalone(Query q) {
        if (q instanceof Negation n) {
            return new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(n.negated(), Occur.MUST_NOT)
                    .build();
        }
        return q;
    }

    /** Marker for "NOT q" while building; never handed to Lucene. */
    private static final class Negation extends Query {
        private final Query negated;

        Negation(Query negated) {
            this.negated = negated;
        }

        Query negated() {
            return negated;
        }

        @Override
        public String toString(String field) {
            return "NOT(" + negated.toString(field) + ")";
        }

        @Override
        public void visit(QueryVisitor visitor) {
            negated.visit(visitor.getSubVisitor(Occur.MUST_NOT, this));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Negation n && n.negated.equals(negated);
        }

        @Override
        public int hashCode() {
            return negated.hashCode() * 31;
        }
    }
}
