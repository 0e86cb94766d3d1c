package org.havewemet.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/REFERENCE.md must list every configuration key, so the documentation never drifts from the schema. */
class ReferenceDocTest {
    @Test
    void referenceShouldListEveryConfigurationKey() throws Exception {
        Path reference = Path.of("..", "docs", "REFERENCE.md");
        String text = Files.readString(reference);
        List<String> keys = new ArrayList<>();
        collect("", ConfigSchema.ROOT, keys);

        assertThat(keys).hasSizeGreaterThan(20);
        for (String key : keys) {
            assertThat(text).as("docs/REFERENCE.md documents " + key).contains("`" + key + "`");
        }
    }

    private static void collect(String prefix, ConfigRules.Rule rule, List<String> keys) {
        if (rule instanceof ConfigRules.Section section) {
            for (Map.Entry<String, ConfigRules.Rule> entry : section.fields().entrySet()) {
                collect(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), keys);
            }
        } else {
            keys.add(prefix);
        }
    }
}
