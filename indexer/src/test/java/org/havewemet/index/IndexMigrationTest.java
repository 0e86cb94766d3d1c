package org.havewemet.index;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.index.Corpus.ALICE;
import static org.havewemet.index.Corpus.BOB;

/**
 * An index written by the schema-1 code (src/test/resources/index-v1) or by the schema-2 code (index-v2, written by
 * {@link SchemaFixtureWriter}), both holding the test corpus, invitation a1's reply status set to suppressed (one
 * invitation replaced) and two correspondents, must open with everything in it, searchable exactly like an index built
 * in the current schema from the same data. An index of schema 3 (index-v3, by the same writer) only has its version
 * raised: every document is already current.
 */
class IndexMigrationTest {
    private static final List<String> QUERIES = List.of("", "lucene", "from:jean", "from:j", "from:jlp@starfleet.org",
            "verdict:personal", "status:suppressed", "after:2024-01-01 before:2024-06-01", "-from:jean",
            "meetup OR talk", "recruiter", "verdict:PERSONAL platform:LinkedIn", "event:reminder",
            "status:none -verdict:suspicious");

    @TempDir
    Path dir;
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(IndexMigration.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void detachLog() {
        logger.detachAppender(log);
    }

    @ParameterizedTest(name = "schema version {0}")
    @ValueSource(ints = {1, 2})
    void indexOfAnOlderSchemaVersionShouldBeRewrittenAtOpenWithEveryDocumentAndTheOldDirectoryKept(int version)
            throws Exception {
        Path old = copyFixture(version);
        assertThat(versionOf(old)).isEqualTo(version);
        Path reference = referenceIndex();

        try (InvitationIndex migrated = InvitationIndex.open(old);
             InvitationIndex expected = InvitationIndex.open(reference)) {
            for (String user : List.of(ALICE, BOB)) {
                assertThat(migrated.count(user)).isEqualTo(expected.count(user)).isPositive();
                for (String query : QUERIES) {
                    for (SortOrder order : SortOrder.values()) {
                        assertThat(migrated.search(user, query, order, 20, 0)).as(user + " " + query + " " + order)
                                .isEqualTo(expected.search(user, query, order, 20, 0));
                    }
                    assertThat(migrated.inviters(user, query, 20, 0)).isEqualTo(expected.inviters(user, query, 20, 0));
                }
            }
            assertThat(migrated.get(Corpus.byMessageId("<a1@mail>").id()).orElseThrow().replyStatus())
                    .isEqualTo("suppressed");
            assertThat(migrated.isKnown(ALICE, "friend@example.org", null)).isTrue();
            assertThat(migrated.isKnown(ALICE, null, "zoe friend")).isTrue();
            assertThat(migrated.isKnown(BOB, null, "İlker Yılmaz")).isTrue();
            assertThat(migrated.isKnown(BOB, "friend@example.org", null)).isFalse();
            assertThat(migrated.totals()).isEqualTo(expected.totals());
        }

        assertThat(versionOf(old)).isEqualTo(InvitationSchema.SCHEMA_VERSION);
        assertThat(siblings()).singleElement().satisfies(kept -> {
            assertThat(kept.getFileName().toString()).startsWith("index.schema-v" + version + "-");
            assertThat(kept.resolve(segmentsFile(version))).exists();
        });
        assertThat(log.list).extracting(ILoggingEvent::getLevel).containsOnly(Level.WARN);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("schema version " + version).contains(old.toString()))
                .anySatisfy(m -> assertThat(m).contains("rewrote " + (Corpus.load().size() + 2) + " documents")
                        .contains("index.schema-v" + version + "-"));
    }

    @ParameterizedTest(name = "schema version {0}")
    @ValueSource(ints = {1, 2})
    void migratedIndexShouldNotBeRewrittenAgainAtTheNextOpen(int version) throws Exception {
        Path old = copyFixture(version);
        InvitationIndex.open(old).close();
        log.list.clear();

        try (InvitationIndex again = InvitationIndex.open(old)) {
            assertThat(again.count(ALICE)).isEqualTo(10);
        }

        assertThat(log.list).isEmpty();
        assertThat(siblings()).hasSize(1);
    }

    @Test
    void indexOfSchemaVersion3ShouldBeRaisedTo4InPlaceWithEveryDocumentSearchableAndNothingRewritten() throws Exception {
        Path old = copyFixture(3);
        assertThat(versionOf(old)).isEqualTo(3);
        Path reference = referenceIndex();

        try (InvitationIndex migrated = InvitationIndex.open(old);
             InvitationIndex expected = InvitationIndex.open(reference)) {
            for (String user : List.of(ALICE, BOB)) {
                for (String query : QUERIES) {
                    // the same hits in the same order; scores differ (the replaced a1 still counts in the statistics)
                    SearchResult got = migrated.search(user, query, SortOrder.DATE, 20, 0);
                    SearchResult want = expected.search(user, query, SortOrder.DATE, 20, 0);
                    assertThat(got.hits()).extracting(SearchHit::record).as(user + " " + query)
                            .isEqualTo(want.hits().stream().map(SearchHit::record).toList());
                    assertThat(List.of(got.total(), got.verdicts(), got.platforms(), got.months()))
                            .isEqualTo(List.of(want.total(), want.verdicts(), want.platforms(), want.months()));
                }
                assertThat(migrated.search(user, "status:corrected", SortOrder.DATE, 20, 0).total()).isZero();
            }
            InvitationRecord a1 = migrated.get(Corpus.byMessageId("<a1@mail>").id()).orElseThrow();
            assertThat(a1.correction()).isNull();
            migrated.index(a1.correctedTo("PERSONAL", ALICE, Instant.parse("2026-12-03T12:00:00Z")));
            assertThat(migrated.search(ALICE, "status:corrected", SortOrder.DATE, 20, 0).total()).isEqualTo(1);
        }

        assertThat(versionOf(old)).isEqualTo(4);
        assertThat(siblings()).as("nothing rewritten, nothing kept aside").isEmpty();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().satisfies(m -> assertThat(m).contains("schema version 3").contains("version 4"));
    }

    @Test
    void newIndexShouldRecordTheCurrentSchemaVersion() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (InvitationIndex index = InvitationIndex.open(fresh)) {
            Corpus.indexAll(index);
        }
        assertThat(versionOf(fresh)).isEqualTo(InvitationSchema.SCHEMA_VERSION);
        InvitationIndex.open(fresh).close();
        assertThat(log.list).isEmpty();
    }

    @ParameterizedTest(name = "schema version {0}")
    @ValueSource(ints = {1, 2})
    void readOnlySearcherShouldSearchAnIndexStillInAnOlderSchemaVersionLikeTheCurrentOne(int version) throws Exception {
        Path old = copyFixture(version);
        Path reference = referenceIndex();
        try (ReadOnlyInvitationIndex older = InvitationIndex.openReadOnly(old);
             ReadOnlyInvitationIndex current = InvitationIndex.openReadOnly(reference)) {
            for (String user : List.of(ALICE, BOB)) {
                for (String query : QUERIES) {
                    SearchResult got = older.search(user, query, SortOrder.DATE, 20, 0);
                    SearchResult expected = current.search(user, query, SortOrder.DATE, 20, 0);
                    assertThat(got.hits()).extracting(h -> h.record().id()).as(user + " " + query)
                            .isEqualTo(expected.hits().stream().map(h -> h.record().id()).toList());
                    assertThat(List.of(got.total(), got.verdicts(), got.platforms(), got.months()))
                            .as(user + " " + query + ": count and facets")
                            .isEqualTo(List.of(expected.total(), expected.verdicts(), expected.platforms(),
                                    expected.months()));
                    assertThat(older.inviters(user, query, 20, 0)).as(user + " " + query + ": inviters")
                            .isEqualTo(current.inviters(user, query, 20, 0));
                }
            }
        }
        assertThat(versionOf(old)).as("the read-only searcher never rewrites").isEqualTo(version);
    }

    /** The same final data as the fixture, indexed in the current schema without updates (so equal statistics). */
    private Path referenceIndex() throws IOException {
        Path reference = dir.resolve("reference");
        try (InvitationIndex index = InvitationIndex.open(reference)) {
            String suppressed = Corpus.byMessageId("<a1@mail>").id();
            for (InvitationRecord r : Corpus.load()) {
                index.index(r.id().equals(suppressed) ? r.withReplyStatus("suppressed", "rate-limited") : r);
            }
            index.addCorrespondent(ALICE, "Friend@Example.org", "Zoë  Friend");
            index.addCorrespondent(BOB, null, "İlker Yılmaz");
        }
        return reference;
    }

    /** The last commit of each fixture (index-v2 was committed three times while it was written). */
    private static String segmentsFile(int version) {
        return version == 1 ? "segments_1" : "segments_3";  // index-v3 was written like index-v2
    }

    private Path copyFixture(int version) throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/index-v" + version + "/" + segmentsFile(version)).toURI())
                .getParent();
        Path target = Files.createDirectories(dir.resolve("old").resolve("index"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    private List<Path> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("old"))) {
            // the index itself and its write-ahead journal are not left-overs of the migration
            return files.filter(p -> !p.getFileName().toString().equals("index")
                    && !p.getFileName().toString().equals("index.journal")).toList();
        }
    }

    private static int versionOf(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            return IndexMigration.versionOf(directory);
        }
    }
}
