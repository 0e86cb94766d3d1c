package org.havewemet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCommandTest {
    private static final String ALICE = "alice@example.com";

    @TempDir
    Path data;
    InvitationIndex server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void indexAsTheRunningServerWould() throws IOException {
        server = InvitationIndex.open(data.resolve(SearchCommand.INDEX_PATH));
        server.index(record(ALICE, "<1@x>", "Jean-Luc Picard", "jlp@starfleet.org",
                "We met at the Kubernetes meetup in Paris", "PERSONAL", "2024-03-10T09:00:00Z"));
        server.index(record(ALICE, "<2@x>", "Maria Gómez", "maria@example.org", null, "UNEXPLAINED",
                "2024-04-10T09:00:00Z"));
        server.index(record("bob@example.com", "<3@x>", "Secret", "secret@example.org", "Kubernetes for bob only",
                "PERSONAL", "2024-05-10T09:00:00Z"));
        server.commit();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void jsonShouldPrintOneObjectPerHitWithAllFieldsWhileTheServerHoldsTheIndex() throws IOException {
        int code = run("--data", data.toString(), "--user", ALICE, "--json", "kubernetes");
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode hit = new ObjectMapper().readTree(lines.get(0));
        assertThat(hit.get("id").asText()).isEqualTo(InvitationRecord.idFor(ALICE, "<1@x>"));
        assertThat(hit.get("recipient").asText()).isEqualTo(ALICE);
        assertThat(hit.get("platform").asText()).isEqualTo("linkedin");
        assertThat(hit.get("event").asText()).isEqualTo("invitation");
        assertThat(hit.at("/inviter/name").asText()).isEqualTo("Jean-Luc Picard");
        assertThat(hit.at("/inviter/email").asText()).isEqualTo("jlp@starfleet.org");
        assertThat(hit.at("/inviter/headline").asText()).isEqualTo("Captain");
        assertThat(hit.at("/inviter/company").asText()).isEqualTo("Starfleet");
        assertThat(hit.at("/inviter/location").asText()).isEqualTo("Paris");
        assertThat(hit.at("/inviter/profileUrl").asText()).isEqualTo("https://www.linkedin.com/in/x");
        assertThat(hit.get("note").asText()).startsWith("We met");
        assertThat(hit.get("verdict").asText()).isEqualTo("PERSONAL");
        assertThat(hit.get("reasons").get(0).asText()).isEqualTo("note.personal");
        assertThat(hit.get("replyStatus").asText()).isEqualTo("none");
        assertThat(hit.get("receivedAt").asText()).isEqualTo("2024-03-10T09:00:00Z");
        assertThat(hit.get("snippet").asText()).contains("<b>Kubernetes</b>");
    }

    @Test
    void tableShouldListHitsNewestFirstWithTotalsAndFacets() {
        int code = run("--data", data.toString(), "--user", ALICE);
        assertThat(code).isZero();
        String text = out.toString();
        assertThat(text).startsWith("2 invitations match");
        assertThat(text).contains("DATE", "VERDICT", "INVITER");
        assertThat(text.indexOf("2024-04-10")).isLessThan(text.indexOf("2024-03-10"));
        assertThat(text).contains("Maria Gómez <maria@example.org>").contains("We met at the Kubernetes meetup")
                .doesNotContain("Secret");
        assertThat(text).contains("verdicts: PERSONAL 1, UNEXPLAINED 1");
    }

    @Test
    void tableShouldMarkMatchedWordsOfTheNote() {
        assertThat(run("--data", data.toString(), "--user", ALICE, "kubernetes")).isZero();
        assertThat(out.toString()).startsWith("1 invitation match 'kubernetes'").contains("*Kubernetes* meetup");
    }

    @Test
    void queryWordsShouldBeJoinedAndSortAndLimitHonoured() {
        int code = run("--data", data.toString(), "--user", ALICE, "--json", "--sort", "RELEVANCE", "--limit", "1",
                "from:maria", "OR", "kubernetes");
        assertThat(code).isZero();
        assertThat(out.toString().lines()).hasSize(1);
    }

    @Test
    void badSyntaxShouldExitWithTwoAndPointAtTheColumn() {
        int code = run("--data", data.toString(), "--user", ALICE, "(kubernetes");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad query").contains("column 12").contains("           ^");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingIndexShouldExitWithTwoAndSaySo() {
        int code = run("--data", data.resolve("elsewhere").toString(), "--user", ALICE, "x");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no invitation index at");
    }

    @Test
    void badSortShouldExitWithTwo() {
        assertThat(run("--data", data.toString(), "--user", ALICE, "--sort", "size")).isEqualTo(2);
        assertThat(err.toString()).contains("--sort must be date or relevance");
    }

    @Test
    void missingRequiredOptionShouldBeAUsageError() {
        assertThat(run("--user", ALICE)).isEqualTo(2);
        assertThat(err.toString()).contains("--data");
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SearchCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static InvitationRecord record(String user, String mid, String name, String email, String note,
                                           String verdict, String at) {
        return new InvitationRecord(InvitationRecord.idFor(user, mid), user, mid, "linkedin", "invitation", name, email,
                "Captain", "Starfleet", "Paris", "https://www.linkedin.com/in/x", note, "en", verdict,
                Arrays.asList("note.personal"), null, null, Instant.parse(at), null, null);
    }
}
