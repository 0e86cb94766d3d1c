package org.havewemet.config;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitParametersTest {
    private static final Set<String> ALLOWED = Set.of("config", "dryRun", "templates");

    @Test
    void knownParametersShouldPass() {
        assertThatCode(() -> InitParameters.check(List.of("config", "dryRun"), ALLOWED, "HaveWeMet"))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownParametersShouldAllBeListedWithSuggestionAndAllowedNames() {
        assertThatThrownBy(() -> InitParameters.check(List.of("confg", "dryRun", "zzz"), ALLOWED, "HaveWeMet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mailet HaveWeMet: unknown init parameters \"confg\" (did you mean \"config\"?), \"zzz\". "
                        + "Allowed: config, dryRun, templates");
    }
}
