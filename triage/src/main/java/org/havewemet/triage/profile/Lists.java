package org.havewemet.triage.profile;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Null-tolerant immutable copies for records read from YAML, where omitted lists arrive as null. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    static Map<String, List<String>> orEmpty(Map<String, List<String>> map) {
        if (map == null) {
            return Map.of();
        }
        return map.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> orEmpty(e.getValue())));
    }
}
