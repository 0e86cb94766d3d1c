package org.havewemet.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.havewemet.index.InvitationIndex;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.index.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillCommandTest {
    @TempDir
    Path data;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = HaveWeMetCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute(args)).as(out.toString()).isZero();
        return out.toString();
    }

    private Path mbox() throws Exception {
        Path file = data.resolve("three.mbox");
        Files.copy(getClass().getResourceAsStream("/backfill/three.mbox"), file);
        return file;
    }

    @Test
    void backfillShouldIndexInvitationsAndAddNothingWhenRunTwice() throws Exception {
        Path mbox = mbox();
        String first = run("backfill", "--data", data.toString(), "--user", "demo@havewemet.test",
            "--mbox", mbox.toString(), "--quiet");
        String second = run("backfill", "--data", data.toString(), "--user", "demo@havewemet.test",
            "--mbox", mbox.toString(), "--quiet");

        assertThat(first).contains("3 messages read, 2 invitations indexed, 0 already indexed");
        assertThat(second).contains("3 messages read, 0 invitations indexed, 2 already indexed");
        try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(data.resolve("var/havewemet/index"))) {
            assertThat(index.count("demo@havewemet.test")).isEqualTo(2);
            assertThat(index.search("demo@havewemet.test", "verdict:PERSONAL", SortOrder.DATE, 10, 0).hits())
                .extracting(hit -> hit.record().inviterName()).containsExactly("Carlos Mendes");
            assertThat(index.search("demo@havewemet.test", "after:2016-07-12", SortOrder.DATE, 10, 0).total())
                .as("a backfilled invitation is dated by its Date header").isEqualTo(1);
        }
    }

    @Test
    void backfillShouldRefuseAUserThatIsNotAnAddress() throws Exception {
        int exit = HaveWeMetCli.commandLine().execute("backfill", "--data", data.toString(), "--user", "demo",
            "--mbox", mbox().toString());
        assertThat(exit).isEqualTo(2);
    }
}
