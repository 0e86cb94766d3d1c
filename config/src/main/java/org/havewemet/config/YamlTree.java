package org.havewemet.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML document as a tree whose every node remembers its line and column, so that validation can point the admin
 * at the exact spot. Jackson's own tree drops locations, hence this small one built from the streaming parser.
 */
final class YamlTree {
    private YamlTree() {
    }

    /** Any node: a mapping, a sequence or a scalar. */
    sealed interface Node permits Mapping, Sequence, Scalar {
        int line();

        int column();
    }

    /** One key of a mapping, located at the key itself. */
    record Entry(String key, int line, int column, Node value) {
    }

    record Mapping(Map<String, Entry> entries, int line, int column) implements Node {
    }

    record Sequence(List<Node> items, int line, int column) implements Node {
    }

    /**
     * A scalar as the parser typed it (VALUE_STRING, VALUE_NUMBER_INT, VALUE_TRUE, VALUE_NULL ...) with its text as
     * written ({@code off} parses as VALUE_FALSE with text "off").
     */
    record Scalar(JsonToken token, String text, int line, int column) implements Node {
        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }
    }

    /**
     * Reads the first document. Returns null for an empty document. Duplicate keys are reported to {@code problems}
     * (the later value wins, as YAML readers usually do).
     */
    static Node read(JsonParser parser, Problems problems) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        Node root = readValue(parser, "", problems);
        if (parser.nextToken() != null) {
            JsonLocation at = parser.getTokenLocation();
            problems.add("", at.getLineNr(), at.getColumnNr(), null,
                    "a second YAML document (---) is not allowed; put everything in one document", null);
        }
        return root;
    }

    private static Node readValue(JsonParser parser, String path, Problems problems) throws IOException {
        JsonLocation at = parser.getTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonLocation keyAt = parser.getTokenLocation();
                parser.nextToken();
                String childPath = Problems.child(path, key);
                Node value = readValue(parser, childPath, problems);
                if (entries.containsKey(key)) {
                    problems.add(childPath, keyAt.getLineNr(), keyAt.getColumnNr(), null,
                            "duplicate key \"" + key + "\" (first defined on line " + entries.get(key).line() + ")", null);
                }
                entries.put(key, new Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value));
            }
            return new Mapping(entries, line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser, path + "[" + index++ + "]", problems));
            }
            return new Sequence(items, line, column);
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            // Jackson hands an alias over as the anchor's name; the value itself is not resolved.
            problems.add(path, line, column, null, "YAML aliases (*" + Problems.printable(parser.getText())
                    + ") are not supported; write the value out", null);
            return new Scalar(JsonToken.VALUE_NULL, "", line, column);
        }
        String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
        return new Scalar(token, text, line, column);
    }
}
