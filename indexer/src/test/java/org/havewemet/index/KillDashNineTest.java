package org.havewemet.index;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer process killed without any chance to clean up leaves an index that opens with every committed document,
 * and, thanks to the write-ahead journal, with every uncommitted one whose {@code index} call had returned.
 */
class KillDashNineTest {
    @TempDir
    Path dir;

    @Test
    void indexShouldReopenWithEveryAcknowledgedDocumentWhenTheWriterIsKilled() throws Exception {
        Path indexDir = dir.resolve("index");
        int committed = 300;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillableIndexWriterMain.class.getName(), indexDir.toString(), String.valueOf(committed))
                .redirectErrorStream(true)
                .start();
        int lastIndexed = -1;
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
            while ((line = out.readLine()) != null) {
                if (line.startsWith("INDEXED ")) {
                    lastIndexed = Integer.parseInt(line.substring("INDEXED ".length()));
                    if (lastIndexed >= committed + 1_000) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // kill -9 right after an acknowledged, uncommitted write
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (InvitationIndex index = InvitationIndex.open(indexDir)) {
            long count = index.count("killed@example.com");
            assertThat(lastIndexed).as("child kept indexing after its commit").isGreaterThanOrEqualTo(committed + 1_000);
            assertThat(count).as("every acknowledged write, committed or not").isGreaterThan(lastIndexed);
            assertThat(index.get(KillableIndexWriterMain.record(committed - 1).id()))
                    .contains(KillableIndexWriterMain.record(committed - 1));
            assertThat(index.get(KillableIndexWriterMain.record(lastIndexed).id()))
                    .contains(KillableIndexWriterMain.record(lastIndexed));
            index.index(KillableIndexWriterMain.record(1_000_000));
            assertThat(index.count("killed@example.com")).isEqualTo(count + 1);
        }
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("index", "index.journal");
    }
}
