package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an index written with an older {@link InvitationSchema#SCHEMA_VERSION} to the current layout when the live
 * index opens it. Every invitation and correspondent is read back from its stored fields and written again into a new
 * directory beside the old one; only when that is complete and committed does the new directory take the index's
 * place. The old directory is kept as {@code <dir>.schema-v<N>-<time>} (logged), so nothing is lost if anything goes
 * wrong, and it can be deleted by hand once the server runs well. Version 3 differs from 4 only by fields 4 may add
 * (a correction), so it is brought up by a commit that records the new version, without rewriting a document: a
 * version-3 document reads as an invitation nobody corrected. (Corrections made by version-3 servers left only the
 * verdict and the reason USER_CORRECTION, which later deliveries also carry; they cannot be told apart and stay
 * uncorrected.)
 */
final class IndexMigration {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMigration.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT);

    /** The version whose documents are already current: only the recorded version changes. */
    private static final int ADDED_FIELDS_ONLY = 3;

    private IndexMigration() {
    }

    private static void raiseVersion(Path path, int version) throws IOException {
        try (Directory directory = FSDirectory.open(path);
             IndexWriter writer = new IndexWriter(directory, writerConfig(new InvitationSchema()))) {
            writer.setLiveCommitData(versionData().entrySet(), true);
            writer.commit();
        }
        LOG.info("havewemet: the invitation index at {} had schema version {}; recorded version {} (no document "
                + "needed rewriting)", path, version, InvitationSchema.SCHEMA_VERSION);
    }

    /** The schema version an existing index was written with: 1 when it predates versioning. */
    static int versionOf(Directory directory) throws IOException {
        String value = SegmentInfos.readLatestCommit(directory).getUserData().get(InvitationSchema.SCHEMA_VERSION_KEY);
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unreadable schema version '" + value + "' in the index commit", e);
        }
    }

    /** The configuration the live index writes with: current schema, sort order and codec. */
    static IndexWriterConfig writerConfig(InvitationSchema schema) {
        return new IndexWriterConfig(schema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCommitOnClose(true)
                .setIndexSort(InvitationSchema.indexSort())
                .setCodec(InvitationSchema.codec());
    }

    static Map<String, String> versionData() {
        return Map.of(InvitationSchema.SCHEMA_VERSION_KEY, Integer.toString(InvitationSchema.SCHEMA_VERSION));
    }

    /**
     * Rewrites the index at {@code path} in the current layout when it exists and is older; does nothing otherwise.
     * The index must not be open by this process; the caller holds no lock on it yet, so the new index's write lock is
     * taken on the new directory and the old one is only read.
     */
    static void migrateIfOlder(Path path) throws IOException {
        int version;
        try (Directory old = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(old)) {
                return;
            }
            version = versionOf(old);
            if (version >= InvitationSchema.SCHEMA_VERSION) {
                return;
            }
        }
        if (version == ADDED_FIELDS_ONLY) {
            raiseVersion(path, version);
            return;
        }
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path fresh = path.resolveSibling(path.getFileName() + ".migrating-" + stamp);
        Path kept = path.resolveSibling(path.getFileName() + ".schema-v" + version + "-" + stamp);
        LOG.warn("havewemet: the invitation index at {} has schema version {}; rewriting it in version {} (this runs "
                + "once, while the index opens: every document is read back and indexed again)", path, version, InvitationSchema.SCHEMA_VERSION);
        long start = System.nanoTime();
        long copied = copy(path, fresh);
        Files.move(path, kept);
        Files.move(fresh, path);
        LOG.warn("havewemet: rewrote {} documents of the invitation index at {} in schema version {} in {} ms; the old "
                + "index is kept at {} and can be deleted", copied, path, InvitationSchema.SCHEMA_VERSION,
                (System.nanoTime() - start) / 1_000_000, kept);
    }

    private static long copy(Path from, Path to) throws IOException {
        InvitationSchema schema = new InvitationSchema();
        long copied = 0;
        try (Directory source = FSDirectory.open(from);
             DirectoryReader reader = DirectoryReader.open(source);
             Directory target = FSDirectory.open(Files.createDirectories(to));
             IndexWriter writer = new IndexWriter(target, writerConfig(schema)
                     .setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
            writer.setLiveCommitData(versionData().entrySet());
            Term correspondent = new Term(InvitationSchema.TYPE, InvitationSchema.TYPE_CORRESPONDENT);
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                PostingsEnum correspondents = leaf.reader().postings(correspondent, PostingsEnum.NONE);
                int nextCorrespondent = correspondents == null ? DocIdSetIterator.NO_MORE_DOCS : correspondents.nextDoc();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    boolean isCorrespondent = doc == nextCorrespondent;
                    if (isCorrespondent) {
                        nextCorrespondent = correspondents.nextDoc();
                    }
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document old = stored.document(doc);
                    writer.addDocument(isCorrespondent
                            ? schema.correspondentDocument(old.get(InvitationSchema.ID), old.get(InvitationSchema.RECIPIENT),
                                    old.get(InvitationSchema.CORRESPONDENT_ADDRESS),
                                    old.get(InvitationSchema.CORRESPONDENT_NAME))
                            : schema.toDocument(schema.toRecord(old)));
                    copied++;
                }
            }
            writer.commit();
        } catch (IOException | RuntimeException e) {
            IndexDirectories.deleteQuietly(to);
            throw e;
        }
        return copied;
    }
}
