package org.havewemet.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The kinds of keys {@code havewemet.yaml} has. Each rule checks a located YAML node, reports what is wrong with it
 * and returns the normalized value (defaults filled in) that Jackson then binds into the records.
 */
final class ConfigRules {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String ADDRESS_SHAPE = "[^@\\s]+@[^@\\s]+";

    private ConfigRules() {
    }

    /** Checks one key. A missing key or an explicit null yields the default. */
    interface Rule {
        /** @return the normalized value, or null when the node is invalid (a problem was reported) */
        JsonNode check(String path, YamlTree.Node node, Problems problems);

        JsonNode defaultValue();
    }

    /** A mapping of known keys; unknown keys are errors naming the known ones and the closest match. */
    record Section(Map<String, Rule> fields) implements Rule {
        Section {
            fields = new LinkedHashMap<>(fields);
        }

        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node == null || node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (!(node instanceof YamlTree.Mapping mapping)) {
                problems.mismatch(path, node, path.isEmpty() ? "a mapping of sections" : "a mapping of keys");
                return null;
            }
            for (YamlTree.Entry entry : mapping.entries().values()) {
                if (!fields.containsKey(entry.key())) {
                    String where = path.isEmpty() ? "at the top level" : "under " + path;
                    String hint = Suggestions.closest(entry.key(), fields.keySet())
                            .map(s -> "did you mean \"" + s + "\"?").orElse(null);
                    problems.add(Problems.child(path, entry.key()), entry.line(), entry.column(),
                            "one of the keys " + where + " (" + String.join(", ", fields.keySet()) + ")",
                            "unknown key \"" + Problems.printable(entry.key()) + "\"", hint);
                }
            }
            ObjectNode out = JSON.objectNode();
            boolean valid = true;
            for (Map.Entry<String, Rule> field : fields.entrySet()) {
                YamlTree.Entry given = mapping.entries().get(field.getKey());
                JsonNode value = given == null ? field.getValue().defaultValue()
                        : field.getValue().check(Problems.child(path, field.getKey()), given.value(), problems);
                valid &= value != null;
                out.set(field.getKey(), value);
            }
            return valid ? out : null;
        }

        @Override
        public JsonNode defaultValue() {
            ObjectNode out = JSON.objectNode();
            fields.forEach((key, rule) -> out.set(key, rule.defaultValue()));
            return out;
        }
    }

    /** A whole number within a range; a quoted number is accepted too. */
    record IntRule(long min, long max, long defaultNumber) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            String expected = "an integer between " + min + " and " + max;
            if (node instanceof YamlTree.Scalar scalar && (scalar.token() == JsonToken.VALUE_NUMBER_INT
                    || scalar.token() == JsonToken.VALUE_STRING)) {
                try {
                    long value = Long.parseLong(scalar.text().trim());
                    if (value >= min && value <= max) {
                        return JSON.numberNode(value);
                    }
                } catch (NumberFormatException notAnInteger) {
                    // reported below
                }
            }
            problems.mismatch(path, node, expected);
            return null;
        }

        @Override
        public JsonNode defaultValue() {
            return JSON.numberNode(defaultNumber);
        }
    }

    /** A finite decimal number within a range. */
    record DecimalRule(double min, double max, double defaultNumber) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (node instanceof YamlTree.Scalar scalar && scalar.token() != JsonToken.VALUE_TRUE
                    && scalar.token() != JsonToken.VALUE_FALSE) {
                try {
                    double value = Double.parseDouble(scalar.text().trim());
                    if (Double.isFinite(value) && value >= min && value <= max) {
                        return JSON.numberNode(value);
                    }
                } catch (NumberFormatException notANumber) {
                    // reported below
                }
            }
            problems.mismatch(path, node, "a number between " + plain(min) + " and " + plain(max));
            return null;
        }

        @Override
        public JsonNode defaultValue() {
            return JSON.numberNode(defaultNumber);
        }

        private static String plain(double number) {
            return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
        }
    }

    /** true or false (YAML's yes/no/on/off spellings too, as the YAML parser reads them). */
    record BoolRule(boolean defaultFlag) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar) {
                switch (scalar.token()) {
                    case VALUE_NULL:
                        return defaultValue();
                    case VALUE_TRUE:
                        return JSON.booleanNode(true);
                    case VALUE_FALSE:
                        return JSON.booleanNode(false);
                    default:
                        break;
                }
            }
            problems.mismatch(path, node, "true or false");
            return null;
        }

        @Override
        public JsonNode defaultValue() {
            return JSON.booleanNode(defaultFlag);
        }
    }

    /** A single-line text satisfying {@code valid}; {@code defaultText} may be null for optional keys. */
    record TextRule(String defaultText, String expected, Predicate<String> valid) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (node instanceof YamlTree.Scalar scalar && isSingleLine(scalar.text()) && valid.test(scalar.text())) {
                return JSON.textNode(scalar.text());
            }
            problems.mismatch(path, node, expected);
            return null;
        }

        @Override
        public JsonNode defaultValue() {
            return defaultText == null ? NullNode.getInstance() : JSON.textNode(defaultText);
        }

        private static boolean isSingleLine(String text) {
            return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
        }
    }

    /** One of a fixed set of lower-case words, bound to the upper-case enum constant. */
    record EnumRule(List<String> allowed, String defaultWord) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (node instanceof YamlTree.Scalar scalar && allowed.contains(scalar.text().trim().toLowerCase(Locale.ROOT))) {
                return JSON.textNode(scalar.text().trim().toUpperCase(Locale.ROOT));
            }
            problems.mismatch(path, node, "one of " + String.join(", ", allowed));
            return null;
        }

        @Override
        public JsonNode defaultValue() {
            return JSON.textNode(defaultWord.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A list whose every item passes {@code item}; every bad item is reported. An absent key (or null) yields
     * {@code defaults}; an explicit empty list stays empty.
     */
    record ListRule(Rule item, String expected, List<String> defaults) implements Rule {
        ListRule {
            defaults = List.copyOf(defaults);
        }

        ListRule(Rule item, String expected) {
            this(item, expected, List.of());
        }

        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (!(node instanceof YamlTree.Sequence sequence)) {
                problems.mismatch(path, node, expected);
                return null;
            }
            ArrayNode out = JSON.arrayNode();
            boolean valid = true;
            for (int i = 0; i < sequence.items().size(); i++) {
                YamlTree.Node itemNode = sequence.items().get(i);
                JsonNode value = itemNode instanceof YamlTree.Scalar s && s.isNull() ? null
                        : item.check(path + "[" + i + "]", itemNode, problems);
                if (value == null && itemNode instanceof YamlTree.Scalar s && s.isNull()) {
                    problems.mismatch(path + "[" + i + "]", itemNode, "a value (empty list items are not allowed)");
                }
                valid &= value != null;
                out.add(value);
            }
            return valid ? out : null;
        }

        @Override
        public JsonNode defaultValue() {
            ArrayNode out = JSON.arrayNode();
            defaults.forEach(out::add);
            return out;
        }
    }

    /** An RE2 regular expression; the message carries RE2's reason. */
    record RegexRule() implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (!(node instanceof YamlTree.Scalar scalar) || scalar.isNull()) {
                problems.mismatch(path, node, "a regular expression (RE2 syntax)");
                return null;
            }
            try {
                Pattern.compile(scalar.text(), Pattern.CASE_INSENSITIVE);
                return JSON.textNode(scalar.text());
            } catch (PatternSyntaxException bad) {
                problems.add(path, node.line(), node.column(), "a valid regular expression (RE2 syntax)",
                        Problems.describe(path, node), "RE2 says: " + Problems.printable(bad.getDescription()));
                return null;
            }
        }

        @Override
        public JsonNode defaultValue() {
            return NullNode.getInstance();
        }
    }

    /** A mapping from a user address to a list of its alias addresses. */
    record AliasMapRule(Rule addresses) implements Rule {
        @Override
        public JsonNode check(String path, YamlTree.Node node, Problems problems) {
            if (node instanceof YamlTree.Scalar scalar && scalar.isNull()) {
                return defaultValue();
            }
            if (!(node instanceof YamlTree.Mapping mapping)) {
                problems.mismatch(path, node, "a mapping from a user address to a list of alias addresses");
                return null;
            }
            ObjectNode out = JSON.objectNode();
            boolean valid = true;
            for (YamlTree.Entry entry : mapping.entries().values()) {
                String childPath = Problems.child(path, entry.key());
                if (!entry.key().matches(ADDRESS_SHAPE)) {
                    problems.add(childPath, entry.line(), entry.column(), "a user address like user@example.com",
                            "\"" + Problems.printable(entry.key()) + "\"", null);
                    valid = false;
                }
                JsonNode list = addresses.check(childPath, entry.value(), problems);
                valid &= list != null;
                out.set(entry.key(), list);
            }
            return valid ? out : null;
        }

        @Override
        public JsonNode defaultValue() {
            return JSON.objectNode();
        }
    }
}
