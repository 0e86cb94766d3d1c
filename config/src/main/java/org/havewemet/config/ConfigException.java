package org.havewemet.config;

import java.util.List;

/**
 * A configuration file that cannot be used, with every problem found in it (not only the first). The message is
 * multi-line: a summary, then one {@link ConfigProblem#message()} per line. It never contains a secret value.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(problems.get(0).source()).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " configuration problem" : " configuration problems");
        for (ConfigProblem problem : problems) {
            out.append(System.lineSeparator()).append("  ").append(problem.message());
        }
        return out.toString();
    }
}
