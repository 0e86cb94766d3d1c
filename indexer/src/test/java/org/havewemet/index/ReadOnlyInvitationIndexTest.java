package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.havewemet.index.Corpus.ALICE;

class ReadOnlyInvitationIndexTest {
    @TempDir
    Path dir;

    @Test
    void readOnlyIndexShouldSearchWhileTheWriterHoldsTheLockAndSeeNewCommitsAfterRefresh() throws IOException {
        Path indexDir = dir.resolve("index");
        try (InvitationIndex live = InvitationIndex.open(indexDir)) {
            Corpus.indexAll(live);
            live.commit();
            try (ReadOnlyInvitationIndex reader = InvitationIndex.openReadOnly(indexDir)) {
                assertThat(reader.count(ALICE)).isEqualTo(10);
                assertThat(reader.search(ALICE, "lucene", SortOrder.DATE, 10, 0).total()).isEqualTo(2);
                assertThat(reader.inviters(ALICE, "", 10, 0)).hasSize(7);
                assertThat(reader.get(Corpus.byMessageId("<a1@mail>").id())).isPresent();

                live.eraseInviter("jlp@starfleet.org");
                assertThat(reader.count(ALICE)).as("still the old commit").isEqualTo(10);
                reader.refresh();
                assertThat(reader.count(ALICE)).isEqualTo(8);
            }
        }
    }

    @Test
    void missingIndexShouldFailClearlyAndCreateNothing() {
        Path missing = dir.resolve("nothing-here");
        assertThatThrownBy(() -> InvitationIndex.openReadOnly(missing)).isInstanceOf(NoSuchFileException.class);
        assertThat(missing).doesNotExist();
    }

    @Test
    void emptyDirectoryShouldFailClearly() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> InvitationIndex.openReadOnly(dir.resolve("empty")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("no invitation index");
    }
}
