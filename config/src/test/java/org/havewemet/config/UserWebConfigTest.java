package org.havewemet.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code userweb.*}: off and on 127.0.0.1 by default; bad ports, addresses and unknown keys name the key path. */
class UserWebConfigTest {
    @Test
    void defaultsShouldKeepTheListenerOffOnLoopback() {
        UserWebConfig userweb = HaveWeMetConfig.defaults().userweb();
        assertThat(userweb.enabled()).isFalse();
        assertThat(userweb.port()).isZero();
        assertThat(userweb.bind()).isEqualTo("127.0.0.1");
    }

    @Test
    void givenPortAndAddressShouldBindWhenValid() throws Exception {
        UserWebConfig userweb = ConfigLoader.loadFromString("userweb:\n  port: 8081\n  bind: 0.0.0.0\n", "x")
            .userweb();
        assertThat(userweb.enabled()).isTrue();
        assertThat(userweb.port()).isEqualTo(8081);
        assertThat(userweb.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void portOutOfRangeShouldNameTheKeyTheExpectedRangeAndTheValueFound() {
        ConfigProblem problem = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "userweb:\n  port: 70000\n", "havewemet.yaml"), ConfigException.class).problems().get(0);
        assertThat(problem.keyPath()).isEqualTo("userweb.port");
        assertThat(problem.expected()).contains("0 and 65535");
        assertThat(problem.found()).contains("70000");
    }

    @Test
    void badAddressAndUnknownKeyShouldBeReportedTogether() {
        ConfigException failure = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "userweb:\n  bind: 'my host; rm'\n  ports: 8081\n", "havewemet.yaml"), ConfigException.class);
        assertThat(failure.problems()).extracting(ConfigProblem::keyPath)
            .containsExactlyInAnyOrder("userweb.bind", "userweb.ports");
    }
}
