package org.havewemet.config.template;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * The editable text of a template: a Mustache subject line and a Mustache body. On disk it is one file, a
 * {@code Subject: ...} first line, a blank line, then the body.
 */
public record TemplateSource(String subject, String body) {
    private static final String SUBJECT_PREFIX = "subject:";

    public TemplateSource {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    /**
     * Reads the file format. Line endings are normalized to {@code \n}.
     *
     * @throws TemplateException of kind INVALID_TEMPLATE when there is no Subject line or no blank line after it
     */
    public static TemplateSource parse(String text) {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        int endOfSubject = normalized.indexOf('\n');
        String first = endOfSubject < 0 ? normalized : normalized.substring(0, endOfSubject);
        if (!first.toLowerCase(Locale.ROOT).startsWith(SUBJECT_PREFIX)) {
            throw new TemplateException(TemplateException.Kind.INVALID_TEMPLATE,
                    "line 1: expected \"Subject: ...\" as the first line of the template");
        }
        String subject = first.substring(SUBJECT_PREFIX.length()).strip();
        String rest = endOfSubject < 0 ? "" : normalized.substring(endOfSubject + 1);
        if (!rest.isEmpty() && !rest.startsWith("\n")) {
            throw new TemplateException(TemplateException.Kind.INVALID_TEMPLATE,
                    "line 2: expected a blank line between the Subject line and the body");
        }
        return new TemplateSource(subject, rest.isEmpty() ? "" : rest.substring(1));
    }

    /** The file format: {@code Subject: <subject>}, a blank line, the body. */
    public String toText() {
        return "Subject: " + subject + "\n\n" + body;
    }

    /** Size of the file format in UTF-8 bytes. */
    public int sizeInBytes() {
        return toText().getBytes(StandardCharsets.UTF_8).length;
    }
}
