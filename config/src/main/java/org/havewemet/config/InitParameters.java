package org.havewemet.config;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rejects misspelt mailet init parameters (in James' mailetcontainer.xml) instead of silently ignoring them, like
 * James' own {@code checkInitParameters}, but naming the close matches.
 */
public final class InitParameters {
    private InitParameters() {
    }

    /**
     * @param given      the names of the init parameters the mailet received
     * @param allowed    the names the mailet understands
     * @param mailetName the mailet's name, shown in the error
     * @throws IllegalArgumentException listing every unknown name, a did-you-mean for each, and the allowed names
     */
    public static void check(Collection<String> given, Set<String> allowed, String mailetName) {
        List<String> unknown = given.stream().filter(name -> !allowed.contains(name)).distinct().sorted().toList();
        if (unknown.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Mailet ").append(mailetName).append(": unknown init parameter")
                .append(unknown.size() == 1 ? " " : "s ");
        for (int i = 0; i < unknown.size(); i++) {
            String name = unknown.get(i);
            message.append(i == 0 ? "" : ", ").append('"').append(name).append('"');
            Suggestions.closest(name, allowed).ifPresent(s -> message.append(" (did you mean \"").append(s).append("\"?)"));
        }
        message.append(". Allowed: ").append(allowed.isEmpty() ? "none" : String.join(", ", new TreeSet<>(allowed)));
        throw new IllegalArgumentException(message.toString());
    }
}
