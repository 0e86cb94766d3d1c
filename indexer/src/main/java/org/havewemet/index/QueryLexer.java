package org.havewemet.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a mail-search style query into tokens. Only the field names listed in {@link #FIELDS} are fields; any other
 * "x:y" (recipient:bob, *:*, field:[a TO z]) is an ordinary word, so no Lucene syntax ever reaches Lucene.
 */
final class QueryLexer {
    static final Set<String> FIELDS = Set.of("from", "name", "company", "headline", "note", "location", "platform",
            "verdict", "status", "event", "after", "before");

    enum Kind { WORD, PHRASE, FIELD, LPAREN, RPAREN, AND, OR, NOT, MINUS, EOF }

    /** One token; {@code column} is 1-based. */
    record Token(Kind kind, String text, int column) {
        String describe() {
            return switch (kind) {
                case EOF -> "end of query";
                case PHRASE -> "\"" + text + "\"";
                case FIELD -> "'" + text + ":'";
                default -> "'" + text + "'";
            };
        }
    }

    private final String input;
    private int pos;

    QueryLexer(String input) {
        this.input = input;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= input.length()) {
                out.add(new Token(Kind.EOF, "", pos + 1));
                return out;
            }
            out.add(next(out.isEmpty() ? null : out.get(out.size() - 1)));
        }
    }

    private Token next(Token previous) {
        int column = pos + 1;
        char c = input.charAt(pos);
        if (c == '(') {
            pos++;
            return new Token(Kind.LPAREN, "(", column);
        }
        if (c == ')') {
            pos++;
            return new Token(Kind.RPAREN, ")", column);
        }
        if (c == '"') {
            return phrase();
        }
        boolean atTermStart = previous == null || previous.kind() != Kind.FIELD;
        if (c == '-' && atTermStart && pos + 1 < input.length() && !isBoundary(input.charAt(pos + 1))) {
            pos++;
            return new Token(Kind.MINUS, "-", column);
        }
        String word = readWord();
        if (atTermStart) {
            switch (word) {
                case "AND": return new Token(Kind.AND, word, column);
                case "OR": return new Token(Kind.OR, word, column);
                case "NOT": return new Token(Kind.NOT, word, column);
                default: break;
            }
        }
        int colon = word.indexOf(':');
        if (colon > 0 && FIELDS.contains(word.substring(0, colon).toLowerCase(Locale.ROOT))) {
            // Give back what follows the colon: it is the field's value, lexed as a word or a phrase.
            pos -= word.length() - colon - 1;
            return new Token(Kind.FIELD, word.substring(0, colon).toLowerCase(Locale.ROOT), column);
        }
        return new Token(Kind.WORD, word, column);
    }

    private Token phrase() {
        int column = pos + 1;
        int end = input.indexOf('"', pos + 1);
        if (end < 0) {
            throw new QuerySyntaxException("unterminated quoted phrase: expected a closing '\"'", column);
        }
        String text = input.substring(pos + 1, end);
        pos = end + 1;
        return new Token(Kind.PHRASE, text, column);
    }

    private String readWord() {
        int start = pos;
        while (pos < input.length() && !isBoundary(input.charAt(pos))) {
            pos++;
        }
        return input.substring(start, pos);
    }

    private static boolean isBoundary(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == '"';
    }

    private void skipSpaces() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }
}
