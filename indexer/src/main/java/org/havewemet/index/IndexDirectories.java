package org.havewemet.index;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening checks for an index directory, and moving a damaged one out of the way. */
final class IndexDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(IndexDirectories.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT);

    private IndexDirectories() {
    }

    /**
     * Opens the last commit and verifies every segment's checksums, which reads each file once: a garbled or
     * truncated file shows up here rather than at the first unlucky search.
     */
    static void verify(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return;
        }
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    /**
     * Whether a failure while opening means the files are damaged (and so the index should be set aside), as opposed
     * to a problem of the environment such as the index being locked by another process or a permission error.
     */
    static boolean isCorruption(Throwable t) {
        return t instanceof CorruptIndexException
                || t instanceof IndexFormatTooOldException
                || t instanceof IndexFormatTooNewException
                || t instanceof EOFException
                || t instanceof NoSuchFileException
                || t instanceof FileNotFoundException
                // Lucene reports an unknown codec or an impossible value in a file header this way.
                || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException;
    }

    /** Removes a directory this process created and no longer wants (a half-written migration); logs failures. */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("havewemet: could not remove {}", dir, e);
        }
    }

    /** Renames {@code dir} to {@code <dir>.corrupt-<UTC timestamp>} and returns the new path. */
    static Path moveAside(Path dir, Throwable cause) throws IOException {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path target = dir.resolveSibling(dir.getFileName() + ".corrupt-" + stamp);
        Files.move(dir, target);
        LOG.warn("havewemet: the invitation index at {} is corrupt ({}); it was moved aside to {} and a new empty "
                + "index is created. Invitations will be indexed again as they arrive.", dir, cause.toString(), target);
        return target;
    }
}
