package org.havewemet.triage;

import java.nio.file.Path;

import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfiguredTriageTest {
    private static final String FIXTURE = "direct-default-en.eml";

    @Test
    void alwaysPriorityPatternShouldMakeAnUnexplainedInvitationPersonalWhenTheInviterMatches() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString(
            "patterns:\n  alwaysPriority: ['^victor\\.lindqvist@']\n", "test.yaml");
        Triage triage = ConfiguredTriage.of(config, ConfiguredTriage.profiles(config, null), KnownInviters.NOBODY);

        TriageResult result = triage.triage(Mails.fixture(FIXTURE), null, "someone@example.com");

        assertThat(result.verdict()).isEqualTo(Verdict.PERSONAL);
        assertThat(result.reasons()).extracting(Reason::code).contains("ALWAYS_PRIORITY_PATTERN");
    }

    @Test
    void defaultConfigurationShouldJudgeLikeTheEngineWithDefaultSettings() {
        Triage configured = ConfiguredTriage.of(HaveWeMetConfig.defaults(), (Path) null, KnownInviters.NOBODY);
        Triage engine = InvitationTriage.withDefaults(KnownInviters.NOBODY);

        assertThat(configured.triage(Mails.fixture(FIXTURE), null, "someone@example.com").verdict())
            .isEqualTo(engine.triage(Mails.fixture(FIXTURE), null, "someone@example.com").verdict())
            .isEqualTo(Verdict.UNEXPLAINED);
    }
}
