package org.havewemet.index;

/**
 * A search query that cannot be understood. The message says where (1-based column) and what was expected, so it
 * can be shown to the person who typed it as is.
 */
public class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int column;

    public QuerySyntaxException(String message, int column) {
        super(column > 0 ? message + " (at column " + column + ")" : message);
        this.column = column;
    }

    /** 1-based column of the problem in the query text, 0 when it concerns the query as a whole. */
    public int column() {
        return column;
    }
}
