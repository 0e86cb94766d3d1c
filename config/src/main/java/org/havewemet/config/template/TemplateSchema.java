package org.havewemet.config.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders each template may use. A placeholder is accepted when its dotted path exists from the top or from
 * inside one of the objects (so {@code {{#inviter}}{{name}}{{/inviter}}} is fine); anything else, such as a
 * misspelt {@code inviter.nmae}, is an error when the template is saved.
 */
final class TemplateSchema {
    /** The digest template also gets the list of invitations. */
    static final String DIGEST = "digest";
    private static final Set<String> CONTEXT_NAMES = Set.of(".", "this", "-first", "-last", "-index");

    private final Map<String, Object> root;
    private final List<Map<String, Object>> scopes = new ArrayList<>();

    private TemplateSchema(Map<String, Object> root) {
        this.root = root;
        collectScopes(root);
    }

    static TemplateSchema forTemplate(String name) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("recipient", fields("name", "address"));
        root.put("inviter", inviter());
        root.put("platform", "");
        root.put("note", "");
        root.put("date", "");
        if (DIGEST.equals(name)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("inviter", inviter());
            item.putAll(fields("platform", "note", "date", "verdict", "folder"));
            root.put("invitations", List.of(item));
            root.put("count", "");
            root.put("period", "");
            root.put("sharedCount", "");
        }
        return new TemplateSchema(root);
    }

    /** True when {@code placeholder} resolves from the top or from inside some object or list item. */
    boolean accepts(String placeholder) {
        if (CONTEXT_NAMES.contains(placeholder)) {
            return true;
        }
        String[] parts = placeholder.split("\\.", -1);
        for (Map<String, Object> scope : scopes) {
            if (resolves(scope, parts)) {
                return true;
            }
        }
        return false;
    }

    /** Every full placeholder path, for error messages: recipient.name, inviter.headline, invitations, ... */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        addPaths("", root, out);
        return out;
    }

    private static boolean resolves(Map<String, Object> scope, String[] parts) {
        Object node = scope;
        for (String part : parts) {
            if (node instanceof List<?> list) {
                node = list.get(0);
            }
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return false;
            }
            node = map.get(part);
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void collectScopes(Map<String, Object> scope) {
        scopes.add(scope);
        for (Object child : scope.values()) {
            Object inner = child instanceof List<?> list ? list.get(0) : child;
            if (inner instanceof Map<?, ?> map) {
                collectScopes((Map<String, Object>) map);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void addPaths(String prefix, Map<String, Object> scope, List<String> out) {
        scope.forEach((key, value) -> {
            Object inner = value instanceof List<?> list ? list.get(0) : value;
            if (value instanceof List<?>) {
                out.add(prefix + key);
            }
            if (inner instanceof Map<?, ?> map) {
                addPaths(prefix + key + ".", (Map<String, Object>) map, out);
            } else {
                out.add(prefix + key);
            }
        });
    }

    private static Map<String, Object> inviter() {
        return fields("name", "headline", "company", "profileUrl", "email");
    }

    private static Map<String, Object> fields(String... names) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : names) {
            map.put(name, "");
        }
        return map;
    }
}
