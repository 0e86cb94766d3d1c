package org.havewemet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {
    private static final String INVITATION = """
            From: Marta Kowalczyk <invitations@linkedin.com>
            To: paul@example.com
            Subject: Paul, please add me to your LinkedIn network
            Message-ID: <1.2.3.JavaMail.app@lva1-app4321.prod.linkedin.com>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            Hi Paul,
            I'd like to join your LinkedIn network.

            Marta Kowalczyk
            Backend Developer at Example Soft

            Accept: https://www.linkedin.com/comm/people/invite-accept?invitationId=661234
            """;
    private static final String DIRECT_PERSONAL = """
            From: Mira Petrova <mira@example.org>
            To: paul@example.com
            Subject: Let's connect
            Message-ID: <a1@example.org>

            Hi Paul,
            we met at FOSDEM where I presented example-dkim. I would like to discuss DMARC reports with you.
            Mira
            """;
    private static final String PLAIN = """
            From: Sara <sara@example.org>
            To: paul@example.com
            Subject: lunch?

            Lunch tomorrow at noon?
            """;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new ClassifyCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString().split("\\R")) {
            if (!line.isBlank()) {
                nodes.add(new ObjectMapper().readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void emlFileShouldPrintOneJsonObjectWithInviterNoteAndVerdict(@TempDir Path dir) throws IOException {
        Path eml = Files.writeString(dir.resolve("invite.eml"), INVITATION.replace("\n", "\r\n"));

        int exit = run(eml.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(1);
        JsonNode n = lines.get(0);
        assertThat(n.get("file").asText()).isEqualTo(eml.toString());
        assertThat(n.get("invitation").asBoolean()).isTrue();
        assertThat(n.get("platform").asText()).isEqualTo("linkedin");
        assertThat(n.get("event").asText()).isEqualTo("INVITATION");
        assertThat(n.get("inviter").get("name").asText()).isEqualTo("Marta Kowalczyk");
        assertThat(n.get("inviter").get("headline").asText()).isEqualTo("Backend Developer at Example Soft");
        assertThat(n.get("note").asText()).isEqualTo("I'd like to join your LinkedIn network.");
        assertThat(n.get("noteLanguage").asText()).isEqualTo("en");
        assertThat(n.get("verdict").asText()).isEqualTo("UNEXPLAINED");
        assertThat(n.get("reasons").get(0).has("code")).isTrue();
        assertThat(n.get("reasons").get(0).has("weight")).isTrue();
        assertThat(n.get("reasons").get(0).has("detail")).isTrue();
    }

    @Test
    void mboxInADirectoryShouldBeSplitIntoItsMessagesAndMalformedInputShouldNotFail(@TempDir Path dir) throws IOException {
        String mbox = "From mira@example.org Mon Mar  4 10:00:00 2024\n" + DIRECT_PERSONAL + "\n"
                + "From sara@example.org Mon Mar  4 11:00:00 2024\n" + PLAIN + "\n";
        Files.writeString(dir.resolve("inbox.mbox"), mbox);
        Files.write(dir.resolve("zz-garbage.eml"), new byte[] {0, 1, 2, (byte) 0xff, '\n', ':', ':'});

        int exit = run(dir.toString());

        assertThat(exit).isZero();
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("message").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("platform").asText()).isEqualTo("direct");
        assertThat(lines.get(0).get("verdict").asText()).isEqualTo("PERSONAL");
        assertThat(lines.get(1).get("verdict").asText()).isEqualTo("NOT_INVITATION");
        assertThat(lines.get(1).get("invitation").asBoolean()).isFalse();
        assertThat(lines.get(2).get("file").asText()).endsWith("zz-garbage.eml");
        assertThat(lines.get(2).get("verdict").asText()).isEqualTo("NOT_INVITATION");
    }

    @Test
    void configFileShouldGiveTheSameVerdictAsTheMailetWhenItListsTheInviterAsPriority(@TempDir Path dir) throws IOException {
        Path eml = Files.writeString(dir.resolve("direct.eml"), DIRECT_PERSONAL.replace("we met at FOSDEM where I presented "
            + "example-dkim. I would like to discuss DMARC reports with you.", "hello").replace("\n", "\r\n"));
        Path config = Files.writeString(dir.resolve("havewemet.yaml"), "patterns:\n  alwaysPriority: ['^mira@example\\.org$']\n");

        int withoutConfig = run(eml.toString());
        String plain = jsonLines().get(0).get("verdict").asText();
        out.getBuffer().setLength(0);
        int withConfig = run("--config", config.toString(), eml.toString());

        assertThat(withoutConfig).isZero();
        assertThat(withConfig).isZero();
        assertThat(plain).isEqualTo("UNEXPLAINED");
        assertThat(jsonLines().get(0).get("verdict").asText()).isEqualTo("PERSONAL");
    }

    @Test
    void tableFormatShouldPrintAHeaderAndOneRowPerMessage(@TempDir Path dir) throws IOException {
        Path eml = Files.writeString(dir.resolve("invite.eml"), INVITATION, StandardCharsets.UTF_8);

        int exit = run("--format", "table", eml.toString());

        assertThat(exit).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines[0]).startsWith("VERDICT").contains("INVITER");
        assertThat(lines[1]).startsWith("UNEXPLAINED").contains("linkedin").contains("Marta Kowalczyk");
    }

    @Test
    void missingFileShouldBeAUsageErrorWithExitCodeTwo(@TempDir Path dir) {
        int exit = run(dir.resolve("nope.eml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("nope.eml");
    }

    @Test
    void noArgumentShouldBeAUsageError() {
        assertThat(run()).isEqualTo(2);
    }
}
