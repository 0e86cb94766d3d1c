package org.havewemet.config;

import java.io.IOException;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns a YAML syntax error into a problem. SnakeYAML's own message quotes the offending line, which may hold a
 * password, so only its problem description and position are kept.
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    static ConfigProblem problem(String source, IOException error) {
        Throwable cause = error;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String what = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            if (marked.getContext() != null) {
                what = marked.getContext() + ": " + what;
            }
            return new ConfigProblem(source, "", mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, null,
                    "invalid YAML syntax: " + Problems.printable(what.replace('\n', ' ')), null);
        }
        int line = 0;
        int column = 0;
        if (error instanceof JsonProcessingException processing && processing.getLocation() != null) {
            JsonLocation at = processing.getLocation();
            line = Math.max(at.getLineNr(), 0);
            column = Math.max(at.getColumnNr(), 0);
        }
        return new ConfigProblem(source, "", line, column, null, "invalid YAML syntax", null);
    }
}
