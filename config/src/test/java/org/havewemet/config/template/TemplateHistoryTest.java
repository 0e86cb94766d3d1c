package org.havewemet.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateHistoryTest {
    private static final TemplateSource V1 = new TemplateSource("Auto: First", "first body\n");
    private static final TemplateSource V2 = new TemplateSource("Auto: Second", "second body\n");
    private static final TemplateModel MODEL = TemplateModel.of(null, null, null, null, null);

    @TempDir
    Path directory;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-25T05:00:00Z"));
    private TemplateStore store;

    @BeforeEach
    void createStore() {
        store = new TemplateStore(directory, "en", clock);
    }

    private String renderedSubject() {
        return store.render("reply", List.of("en"), null, MODEL).subject();
    }

    @Test
    void everySaveShouldBeRecordedWithWhoAndWhenNewestFirst() {
        TemplateVersion first = store.put("reply", "en", V1, "alice");
        clock.advance(Duration.ofMinutes(5));
        TemplateVersion second = store.put("reply", "en", V2, "bob\r\nInjected: x");
        assertThat(first.id()).isEqualTo("000001-20261125T050000000Z");
        assertThat(second.id()).isEqualTo("000002-20261125T050500000Z");
        List<TemplateVersion> history = store.history("reply", "en");
        assertThat(history).extracting(TemplateVersion::who).containsExactly("bob Injected: x", "alice");
        assertThat(history).extracting(TemplateVersion::at).containsExactly(
                Instant.parse("2026-11-25T05:05:00Z"), Instant.parse("2026-11-25T05:00:00Z"));
        assertThat(history.get(1).source()).isEqualTo(V1);
        assertThat(store.version(TemplateId.of("reply", "en"), first.id())).contains(first);
    }

    @Test
    void rollbackShouldRestoreAnyVersionAndBeRecordedItself() {
        TemplateVersion first = store.put("reply", "en", V1, "alice");
        store.put("reply", "en", V2, "bob");
        assertThat(renderedSubject()).isEqualTo("Auto: Second");
        TemplateVersion rollback = store.rollback("reply", "en", first.id(), "carol");
        assertThat(renderedSubject()).isEqualTo("Auto: First");
        assertThat(rollback.action()).isEqualTo("rollback");
        assertThat(rollback.rollbackOf()).isEqualTo(first.id());
        assertThat(store.history("reply", "en")).extracting(TemplateVersion::action)
                .containsExactly("rollback", "save", "save");
    }

    @Test
    void deleteShouldRevertToTheShippedDefaultAndCanBeRolledBack() {
        TemplateVersion saved = store.put("reply", "en", V1, "alice");
        TemplateVersion deleted = store.delete("reply", "en", "bob");
        assertThat(deleted.source()).isNull();
        assertThat(renderedSubject()).isEqualTo("Auto: Have we met?");
        assertThat(store.get("reply", "en")).hasValueSatisfying(t -> assertThat(t.customized()).isFalse());
        store.rollback("reply", "en", saved.id(), "carol");
        assertThat(renderedSubject()).isEqualTo("Auto: First");
        store.rollback("reply", "en", deleted.id(), "dave");
        assertThat(renderedSubject()).isEqualTo("Auto: Have we met?");
        assertThat(store.history("reply", "en")).hasSize(4);
    }

    @Test
    void deletingAnUncustomizedTemplateShouldBeNotFound() {
        TemplateException error = catchThrowableOfType(() -> store.delete("reply", "en", "bob"), TemplateException.class);
        assertThat(error.kind()).isEqualTo(TemplateException.Kind.NOT_FOUND);
        TemplateException unknownVersion = catchThrowableOfType(() -> store.rollback("reply", "en",
                "000009-20261125T050000000Z", "bob"), TemplateException.class);
        assertThat(unknownVersion.kind()).isEqualTo(TemplateException.Kind.NOT_FOUND);
    }

    @Test
    void editsMadeOnDiskShouldApplyWithoutRestart() throws IOException {
        store.put("reply", "en", V1, "alice");
        assertThat(renderedSubject()).isEqualTo("Auto: First");
        Path file = directory.resolve("reply/en.mustache");
        Files.writeString(file, "Subject: Auto: Edited by hand\n\nhand body\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(renderedSubject()).isEqualTo("Auto: Edited by hand");
        Files.writeString(directory.resolve("reply/fr.mustache"), "Subject: Auto: Nouveau\n\ncorps\n");
        assertThat(store.render("reply", List.of("fr"), null, MODEL).subject()).isEqualTo("Auto: Nouveau");
    }

    @Test
    void brokenDiskEditShouldBeIgnoredAndReportedUntilFixed() throws IOException {
        store.put("reply", "en", V1, "alice");
        Path file = directory.resolve("reply/en.mustache");
        Files.writeString(file, "Subject: Auto: Broken\n\n{{inviter.nmae}}\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(renderedSubject()).isEqualTo("Auto: Have we met?");
        StoredTemplate stored = store.get("reply", "en").orElseThrow();
        assertThat(stored.customized()).isTrue();
        assertThat(stored.source().subject()).isEqualTo("Auto: Broken");
        assertThat(stored.problems()).singleElement().asString().contains("{{inviter.nmae}}");
    }

    @Test
    void handEditShouldBeKeptInHistoryBeforeTheNextSave() throws IOException {
        store.put("reply", "en", V1, "alice");
        Files.writeString(directory.resolve("reply/en.mustache"), "Subject: Auto: Hand\n\nhand\n");
        store.put("reply", "en", V2, "bob");
        List<TemplateVersion> history = store.history("reply", "en");
        assertThat(history).extracting(TemplateVersion::action).containsExactly("save", "disk-edit", "save");
        assertThat(history.get(1).source()).isEqualTo(new TemplateSource("Auto: Hand", "hand\n"));
        assertThat(history.get(1).who()).isEqualTo("edited on disk");
    }

    @Test
    void listShouldShowShippedAndCustomizedTemplates() {
        store.put("reply", "en", V1, "alice");
        store.put("welcome", "en", V1, "alice");
        store.put(TemplateId.forDomain("example.com", "reply", "fr"), V1, "alice");
        List<TemplateEntry> entries = store.list();
        assertThat(entries).hasSize(18);
        assertThat(entries).contains(new TemplateEntry(TemplateId.of("reply", "en"), true, true),
                new TemplateEntry(TemplateId.of("reply", "de"), true, false),
                new TemplateEntry(TemplateId.of("welcome", "en"), false, true),
                new TemplateEntry(TemplateId.forDomain("example.com", "reply", "fr"), false, true));
        assertThat(store.get(TemplateId.forDomain("example.com", "reply", "de"))).isEmpty();
    }
}
