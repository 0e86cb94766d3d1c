package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Writes the index fixture {@link IndexMigrationTest} opens, in whatever schema the code of the day writes: the test
 * corpus, committed as a first segment, then invitation a1's reply status set to suppressed (so a1 is replaced: a
 * deletion in the first segment) and two correspondents, closed as a second segment. Run it before bumping
 * {@link InvitationSchema#SCHEMA_VERSION} to keep a real index of the version being left behind:
 * <pre>
 *   java -cp indexer/target/classes:indexer/target/test-classes:$(deps) org.havewemet.index.SchemaFixtureWriter \
 *       indexer/src/test/resources/index-v2
 * </pre>
 * (src/test/resources/index-v2 and index-v3 were written this way by the schema-2 and schema-3 code; index-v1 holds the same data by the schema-1
 * code). The journal directory beside it is empty after the clean close and is not part of the fixture.
 */
public final class SchemaFixtureWriter {
    private SchemaFixtureWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]).toAbsolutePath();
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + " exists; the fixture is written into a new directory");
        }
        Path work = Files.createTempDirectory("havewemet-fixture").resolve("index");
        try (InvitationIndex index = InvitationIndex.open(work, Duration.ofHours(1))) {
            Corpus.indexAll(index);
            index.commit();
            index.updateReplyStatus(Corpus.byMessageId("<a1@mail>").id(), "suppressed", "rate-limited");
            index.addCorrespondent(Corpus.ALICE, "Friend@Example.org", "Zoë  Friend");
            index.addCorrespondent(Corpus.BOB, null, "İlker Yılmaz");
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("write.lock")) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        IndexDirectories.deleteQuietly(work.getParent());
    }
}
