package org.havewemet.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code addresses.roles}: the shipped role patterns, an admin's own, and the errors that name the key path. */
class AddressesConfigTest {
    @Test
    void defaultRolesShouldMatchTheSharedMailboxesOfTheIssue() {
        AddressesConfig addresses = HaveWeMetConfig.defaults().addresses();
        for (String local : new String[] {"info", "contact", "sales", "support", "office", "jobs", "members", "team"}) {
            assertThat(addresses.isRole(local + "@example.org")).as(local).isTrue();
        }
        assertThat(addresses.isRole("INFO@Example.org")).isTrue();
        assertThat(addresses.isRole("information@example.org")).as("anchored patterns").isFalse();
        assertThat(addresses.isRole("alice@example.org")).isFalse();
        assertThat(addresses.isRole("info")).as("no domain, no address").isFalse();
        assertThat(addresses.isRole(null)).isFalse();
    }

    @Test
    void givenRolesShouldReplaceTheDefaultsWhenListed() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString("addresses:\n  roles: ['^hr$', '^press']\n", "x");
        assertThat(config.addresses().isRole("hr@example.org")).isTrue();
        assertThat(config.addresses().isRole("press-eu@example.org")).isTrue();
        assertThat(config.addresses().isRole("info@example.org")).isFalse();
    }

    @Test
    void emptyRolesShouldTurnRoleDetectionOff() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString("addresses:\n  roles: []\n", "x");
        assertThat(config.addresses().isRole("info@example.org")).isFalse();
    }

    @Test
    void roleShouldBeMatchedOnTheLocalPartOnlyWhenTheDomainHoldsARoleWord() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString("addresses:\n  roles: ['sales']\n", "x");
        assertThat(config.addresses().isRole("bob@sales.example.org")).isFalse();
        assertThat(config.addresses().isRole("eu-sales@example.org")).isTrue();
    }

    @Test
    void invalidRolePatternShouldNameTheItemPath() {
        ConfigException failure = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "addresses:\n  roles: ['^info$', '(open']\n", "havewemet.yaml"), ConfigException.class);
        assertThat(failure.problems()).hasSize(1);
        assertThat(failure.problems().get(0).keyPath()).isEqualTo("addresses.roles[1]");
    }

    @Test
    void unknownKeyUnderAddressesShouldBeRejectedWithItsPath() {
        ConfigException failure = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "addresses:\n  role: ['^info$']\n", "havewemet.yaml"), ConfigException.class);
        assertThat(failure.problems().get(0).keyPath()).isEqualTo("addresses.role");
        assertThat(failure.problems().get(0).message()).contains("did you mean \"roles\"?");
    }

    @Test
    void notAListShouldBeRejected() {
        ConfigException failure = catchThrowableOfType(() -> ConfigLoader.loadFromString(
            "addresses:\n  roles: info\n", "havewemet.yaml"), ConfigException.class);
        assertThat(failure.problems().get(0).keyPath()).isEqualTo("addresses.roles");
    }
}
