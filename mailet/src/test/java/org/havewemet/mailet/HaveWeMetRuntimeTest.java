package org.havewemet.mailet;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.mailet.base.test.FakeMailContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Starting and reloading the runtime: where its configuration comes from and what a bad one does. */
class HaveWeMetRuntimeTest {
    @TempDir
    Path jamesHome;
    private HaveWeMetRuntime runtime;

    @AfterEach
    void tearDown() {
        if (runtime != null) {
            runtime.stop();
        }
    }

    private HaveWeMetRuntime runtime() {
        runtime = new HaveWeMetRuntime(new FileSystemImpl(new JamesServerResourceLoader(jamesHome.toString())), null,
            null, FakeMailContext.defaultContext(), Optional.empty(), UserAliases.configuredOnly(), null,
            Clock.systemUTC());
        return runtime;
    }

    private ConfigLocation location(String file, boolean explicit) {
        return new ConfigLocation("file://conf/" + file, jamesHome.resolve("conf").resolve(file), explicit);
    }

    @Test
    void startShouldFailNamingThePathWhenAnExplicitlyNamedConfigurationIsMissing() {
        ConfigLocation missing = location("other.yaml", true);

        assertThatThrownBy(() -> runtime().start(missing))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining(missing.file().toString())
            .hasMessageContaining("does not exist")
            .hasMessageContaining("config parameter of TriageInvitations");
        assertThat(runtime.isStarted()).isFalse();
    }

    @Test
    void startShouldFailNamingTheProblemWhenTheConfigurationIsInvalid() throws Exception {
        Files.createDirectories(jamesHome.resolve("conf"));
        Files.writeString(jamesHome.resolve("conf/havewemet.yaml"), "folders:\n  unexplaind: Typo\n");

        assertThatThrownBy(() -> runtime().start(location("havewemet.yaml", false)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("havewemet.yaml")
            .hasMessageContaining("folders.unexplaind");
    }

    @Test
    void startShouldUseTheDefaultsWhenTheDefaultFileIsAbsent() {
        runtime().start(location("havewemet.yaml", false));

        assertThat(runtime.folders().unexplained()).isEqualTo("Invitations/Unexplained");
    }

    @Test
    void reloadShouldSwapInANewSnapshotAndKeepTheOldOneForTheMailUsingIt() throws Exception {
        Files.createDirectories(jamesHome.resolve("conf"));
        Path yaml = jamesHome.resolve("conf/havewemet.yaml");
        Files.writeString(yaml, "folders:\n  unexplained: Before\n");
        runtime().start(location("havewemet.yaml", false));
        Snapshot before = runtime.current();

        Files.writeString(yaml, "folders:\n  unexplained: After\n");
        runtime.reload();

        assertThat(runtime.current().folders().unexplained()).isEqualTo("After");
        assertThat(before.folders().unexplained()).isEqualTo("Before");
    }

    @Test
    void reloadShouldKeepTheRunningConfigurationWhenTheEditIsInvalid() throws Exception {
        Files.createDirectories(jamesHome.resolve("conf"));
        Path yaml = jamesHome.resolve("conf/havewemet.yaml");
        Files.writeString(yaml, "folders:\n  unexplained: Before\n");
        runtime().start(location("havewemet.yaml", false));

        Files.writeString(yaml, "folders:\n  unexplaind: Typo\n");
        runtime.reload();

        assertThat(runtime.folders().unexplained()).isEqualTo("Before");
        assertThat(runtime.lastReloadError()).hasValueSatisfying(error -> assertThat(error).contains("unexplaind"));
    }

    @Test
    void currentShouldStartTheRuntimeWhenAMailComesBeforeJamesRunsTheStartable() {
        runtime();

        assertThat(runtime.current().folders().priority()).isEqualTo("Invitations/Priority");
        assertThat(runtime.isStarted()).isTrue();
    }

    @Test
    void currentShouldRefuseToRestartOnceJamesStoppedIt() {
        runtime().start();
        runtime.stop();

        assertThatThrownBy(runtime::current).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("stopped");
    }

    @Test
    void configShouldBeReadFromTheTriageMailetOfJamesMailetContainer() throws Exception {
        XMLConfiguration container = xml("<mailetcontainer><processors>"
            + "<processor state=\"transport\"><mailet match=\"All\" class=\"LocalDelivery\"/></processor>"
            + "<processor state=\"local-delivery\"><mailet match=\"All\" class=\"org.havewemet.mailet.TriageInvitations\">"
            + "<config>file://conf/other.yaml</config></mailet></processor>"
            + "</processors></mailetcontainer>");

        assertThat(TriageMailetParameters.config(container)).contains("file://conf/other.yaml");
    }

    @Test
    void configShouldBeAbsentWhenTheTriageMailetNamesNone() throws Exception {
        XMLConfiguration container = xml("<mailetcontainer><processors><processor state=\"local-delivery\">"
            + "<mailet match=\"All\" class=\"org.havewemet.mailet.TriageInvitations\"/>"
            + "</processor></processors></mailetcontainer>");

        assertThat(TriageMailetParameters.config(container)).isEmpty();
    }

    @Test
    void configShouldRefuseTwoTriageMailetsNamingDifferentFiles() throws Exception {
        String mailet = "<mailet match=\"All\" class=\"org.havewemet.mailet.TriageInvitations\"><config>%s</config>"
            + "</mailet>";
        XMLConfiguration container = xml("<mailetcontainer><processors><processor state=\"a\">"
            + String.format(Locale.ROOT, mailet, "file://conf/a.yaml") + "</processor><processor state=\"b\">"
            + String.format(Locale.ROOT, mailet, "file://conf/b.yaml") + "</processor></processors></mailetcontainer>");

        assertThatThrownBy(() -> TriageMailetParameters.config(container))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("file://conf/a.yaml").hasMessageContaining("file://conf/b.yaml");
    }

    private static XMLConfiguration xml(String text) throws Exception {
        XMLConfiguration configuration = new XMLConfiguration();
        new FileHandler(configuration).load(new StringReader(text));
        return configuration;
    }
}
