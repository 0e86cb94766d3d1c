package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Brings an index directory to a state {@link InvitationIndex} can write to: verifies it, moves a damaged one aside
 * (and starts empty), rewrites an older schema, then replays the write-ahead journal a killed process left and
 * commits it. Only environment problems (the index locked by a running process, permissions, disk) are thrown.
 */
final class IndexOpening {
    private IndexOpening() {
    }

    static InvitationIndex open(Path path, Duration commitInterval) throws IOException {
        try {
            return openChecked(path, commitInterval);
        } catch (IOException | RuntimeException e) {
            if (!IndexDirectories.isCorruption(e)) {
                throw e;
            }
            IndexDirectories.moveAside(path, e);
            return openChecked(path, commitInterval);
        }
    }

    private static InvitationIndex openChecked(Path path, Duration commitInterval) throws IOException {
        Files.createDirectories(path);
        // Verified before migrating so that a damaged old index takes the corrupt path, not a half-read rewrite.
        try (Directory existing = FSDirectory.open(path)) {
            IndexDirectories.verify(existing);
        }
        IndexMigration.migrateIfOlder(path);
        Directory directory = FSDirectory.open(path);
        try {
            InvitationSchema schema = new InvitationSchema();
            IndexWriter writer = new IndexWriter(directory, IndexMigration.writerConfig(schema));
            writer.setLiveCommitData(IndexMigration.versionData().entrySet());
            IndexJournal journal = null;
            try {
                journal = IndexJournal.openAndReplay(IndexJournal.directoryFor(path), op -> op.applyTo(writer, schema));
                writer.commit();
                journal.deleteReplayed();
                return new InvitationIndex(path, directory, writer, journal, commitInterval);
            } catch (IOException | RuntimeException e) {
                if (journal != null) {
                    journal.close();
                }
                writer.rollback();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }
}
