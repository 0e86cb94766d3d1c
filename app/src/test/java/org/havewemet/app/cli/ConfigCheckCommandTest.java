package org.havewemet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCheckCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new ConfigCheckCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void validFileShouldPrintOneOkLineWithTheEffectiveFolders(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("havewemet.yaml");
        Files.writeString(file, "folders:\n  priority: People/Priority\n");
        assertThat(run("check", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("OK " + file + ": folders priority=\"People/Priority\" "
                + "unexplained=\"Invitations/Unexplained\" suspicious=\"Spam\" drafts=\"Drafts\"" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void emptyFileShouldBeValid(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("havewemet.yaml"), "");
        assertThat(run("check", file.toString())).isZero();
        assertThat(out.toString()).startsWith("OK ");
    }

    @Test
    void invalidFileShouldPrintEveryProblemAndExitOne() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/config/broken.yaml").toURI());
        assertThat(run("check", file.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("broken.yaml: 3 configuration problems")
                .contains("broken.yaml:2:15: replies.periodDays: expected an integer between 1 and 3650, found \"abc\"")
                .contains("broken.yaml:3:3: replies.perodDays: expected one of the keys under replies")
                .contains("did you mean \"periodDays\"?")
                .contains("broken.yaml:5:13: digest.schedule: expected one of off, daily, weekly, found \"monthly\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingFileShouldBeInvalidAndNameThePath(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        assertThat(run("check", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(file + ": configuration file does not exist");
    }

    @Test
    void missingPlatformsFileShouldBeInvalid(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("havewemet.yaml"), "platforms:\n  file: local-platforms.yaml\n");
        assertThat(run("check", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("platforms.file: file does not exist: " + dir.resolve("local-platforms.yaml"));
        Files.writeString(dir.resolve("local-platforms.yaml"), "platforms: []\n");
        assertThat(run("check", file.toString())).isZero();
    }

    @Test
    void usageErrorsShouldExitTwo() {
        assertThat(run("check")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
        assertThat(run()).isEqualTo(2);
        assertThat(run("check", "a", "b")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }
}
