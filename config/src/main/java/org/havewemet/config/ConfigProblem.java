package org.havewemet.config;

/**
 * One problem found in a configuration file.
 *
 * @param source   the file name or other source label shown to the admin (e.g. {@code havewemet.yaml})
 * @param keyPath  dotted key path like {@code replies.periodDays}, list items as {@code replies.optOut[2]}; empty
 *                 when the problem is about the file as a whole
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param expected what the key needs, e.g. "an integer between 1 and 3650"; null when the problem is not a mismatch
 * @param found    what the file holds, quoted; {@code <redacted>} for secret keys; or the whole description when
 *                 {@code expected} is null
 * @param hint     optional advice such as a did-you-mean; null when none
 */
public record ConfigProblem(String source, String keyPath, int line, int column, String expected, String found,
                            String hint) {

    /** One readable line, e.g. {@code havewemet.yaml:3:15: replies.periodDays: expected ..., found "abc"}. */
    public String message() {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line).append(':').append(column);
        }
        out.append(": ");
        if (keyPath != null && !keyPath.isEmpty()) {
            out.append(keyPath).append(": ");
        }
        if (expected != null) {
            out.append("expected ").append(expected).append(", found ").append(found);
        } else {
            out.append(found);
        }
        if (hint != null) {
            out.append("; ").append(hint);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
