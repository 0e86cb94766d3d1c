package org.havewemet.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonToken;

/**
 * Collects {@link ConfigProblem}s for one source, and describes found values without ever showing a secret.
 */
final class Problems {
    /** Keys whose values must never appear in messages or logs. */
    private static final Pattern SECRET_KEY = Pattern.compile(".*(password|secret|token|key).*");
    private static final String PLAIN_KEY = "[A-Za-z][A-Za-z0-9_-]*";
    private static final int MAX_SHOWN = 60;

    private final String source;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void add(String keyPath, int line, int column, String expected, String found, String hint) {
        list.add(new ConfigProblem(source, keyPath, line, column, expected, found, hint));
    }

    /** A mismatch at {@code node}: "expected ..., found <what the node holds>". */
    void mismatch(String keyPath, YamlTree.Node node, String expected) {
        add(keyPath, node.line(), node.column(), expected, describe(keyPath, node), null);
    }

    /** The problems in file order, so the admin can fix them top to bottom. */
    List<ConfigProblem> list() {
        return list.stream().sorted(Comparator.comparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column)).toList();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** The path of a child key: dotted for plain names, bracketed and quoted otherwise (addresses contain dots). */
    static String child(String parent, String key) {
        if (key.matches(PLAIN_KEY)) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[\"" + printable(key) + "\"]";
    }

    /** True when the last key of the path names a credential (password, secret, token, key). */
    static boolean isSecret(String keyPath) {
        String last = keyPath.replaceAll("\\[\\d+]$", "");
        int dot = last.lastIndexOf('.');
        last = dot < 0 ? last : last.substring(dot + 1);
        return SECRET_KEY.matcher(last.toLowerCase(Locale.ROOT)).matches();
    }

    /** What a node holds, for messages: quoted scalar text, "a list", "a mapping", "nothing"; secrets redacted. */
    static String describe(String keyPath, YamlTree.Node node) {
        if (node instanceof YamlTree.Mapping) {
            return "a mapping";
        }
        if (node instanceof YamlTree.Sequence) {
            return "a list";
        }
        YamlTree.Scalar scalar = (YamlTree.Scalar) node;
        if (scalar.token() == JsonToken.VALUE_NULL) {
            return "nothing";
        }
        if (isSecret(keyPath)) {
            return "<redacted>";
        }
        String text = scalar.text();
        String shown = text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text;
        return "\"" + printable(shown) + "\"";
    }

    /** Control characters shown as escapes so a message stays on one line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
