package org.havewemet.config.template;

import java.util.List;

/**
 * A template operation that cannot be done. {@link #kind()} tells callers (WebAdmin) which HTTP status fits;
 * {@link #problems()} lists every problem found, each readable on its own.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Kind {
        /** A name, locale, domain or version id that is not allowed (400). */
        INVALID_NAME,
        /** Template text that does not validate: syntax, unknown placeholder, size (400). */
        INVALID_TEMPLATE,
        /** No such template or version (404). */
        NOT_FOUND,
        /** The templates directory cannot be read or written (500). */
        STORAGE
    }

    private final Kind kind;
    private final transient List<String> problems;

    public TemplateException(Kind kind, List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public TemplateException(Kind kind, String problem) {
        this(kind, List.of(problem));
    }

    public TemplateException(Kind kind, String problem, Throwable cause) {
        this(kind, List.of(problem));
        initCause(cause);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> problems() {
        return problems;
    }
}
