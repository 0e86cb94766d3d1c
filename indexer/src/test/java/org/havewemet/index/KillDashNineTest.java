package org.havewemet.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed without any chance to clean up leaves an index that opens with every committed doc. */
class KillDashNineTest {
    @TempDir
    Path dir;

    @Test
    void indexShouldReopenWithCommittedDocumentsAfterTheWriterIsKilled() throws Exception {
        Path indexDir = dir.resolve("index");
        int committed = 300;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableIndexWriterMain.class.getName(), indexDir.toString(), String.valueOf(committed))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean sawCommit = false;
            while ((line = out.readLine()) != null) {
                if (line.equals("COMMITTED " + committed)) {
                    sawCommit = true;
                    break;
                }
            }
            assertThat(sawCommit).as("child committed").isTrue();
            Thread.sleep(700); // let it write uncommitted segments and flushes
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            long count = index.count("killed@example.com");
            assertThat(count).isGreaterThanOrEqualTo(committed);
            assertThat(index.get(KillableIndexWriterMain.record(committed - 1).id()))
                    .contains(KillableIndexWriterMain.record(committed - 1));
            index.index(KillableIndexWriterMain.record(1_000_000));
            assertThat(index.count("killed@example.com")).isEqualTo(count + 1);
        }
        assertThat(dir.toFile().list()).containsExactly("index");
    }
}
