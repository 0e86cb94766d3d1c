package org.havewemet.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code bulk.*}: defaults 5 users in 24 h, unexplained; windows in minutes, hours or days; errors name the key. */
class BulkConfigTest {
    @Test
    void defaultsShouldBeFiveUsersInADayFiledAsUnexplained() {
        BulkConfig bulk = HaveWeMetConfig.defaults().bulk();
        assertThat(bulk.users()).isEqualTo(5);
        assertThat(bulk.enabled()).isTrue();
        assertThat(bulk.windowDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(bulk.verdict()).isEqualTo(BulkVerdict.UNEXPLAINED);
    }

    @Test
    void givenValuesShouldBindWhenValid() throws Exception {
        BulkConfig bulk = ConfigLoader.loadFromString("bulk:\n  users: 3\n  window: 90m\n  verdict: suspicious\n", "x")
            .bulk();
        assertThat(bulk.users()).isEqualTo(3);
        assertThat(bulk.windowDuration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(bulk.verdict()).isEqualTo(BulkVerdict.SUSPICIOUS);
        assertThat(ConfigLoader.loadFromString("bulk:\n  window: 2d\n", "x").bulk().windowDuration())
            .isEqualTo(Duration.ofDays(2));
    }

    @Test
    void zeroUsersShouldTurnDetectionOff() throws Exception {
        assertThat(ConfigLoader.loadFromString("bulk:\n  users: 0\n", "x").bulk().enabled()).isFalse();
    }

    @Test
    void badWindowShouldNameTheKeyAndTheExpectedShape() {
        ConfigProblem problem = catchThrowableOfType(() -> ConfigLoader.loadFromString("bulk:\n  window: 24 hours\n",
            "havewemet.yaml"), ConfigException.class).problems().get(0);
        assertThat(problem.keyPath()).isEqualTo("bulk.window");
        assertThat(problem.expected()).contains("24h");
    }

    @Test
    void badVerdictAndUnknownKeyShouldBeReportedTogether() {
        ConfigException failure = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "bulk:\n  verdict: spam\n  user: 3\n", "havewemet.yaml"), ConfigException.class);
        assertThat(failure.problems()).extracting(ConfigProblem::keyPath)
            .containsExactlyInAnyOrder("bulk.verdict", "bulk.user");
    }
}
