package org.havewemet.config.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import org.havewemet.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateValidationTest {
    @TempDir
    Path root;
    private Path directory;
    private TemplateStore store;

    @BeforeEach
    void createStore() {
        directory = root.resolve("templates");
        store = new TemplateStore(directory, "en", new TestClock(Instant.parse("2026-11-25T05:00:00Z")));
    }

    private TemplateException saveFailure(String subject, String body) {
        return catchThrowableOfType(() -> store.put("reply", "en", new TemplateSource(subject, body), "admin"),
                TemplateException.class);
    }

    @Test
    void misspeltPlaceholderShouldBeRejectedAtSaveWithSuggestion() {
        TemplateException error = saveFailure("Auto: Have we met?", "Hello\n{{inviter.nmae}}\n");
        assertThat(error.kind()).isEqualTo(TemplateException.Kind.INVALID_TEMPLATE);
        assertThat(error.problems()).singleElement().asString()
                .startsWith("body line 2: unknown placeholder {{inviter.nmae}} (did you mean {{inviter.name}}?); "
                        + "known placeholders: recipient.name, recipient.address, inviter.name,");
        assertThat(Files.exists(directory.resolve("reply/en.mustache"))).isFalse();
    }

    @Test
    void unknownPlaceholderShouldBeRejectedEvenInsideSectionsThatWouldNotRun() {
        assertThat(saveFailure("S", "{{^note}}{{bogus}}{{/note}}").problems()).singleElement().asString()
                .contains("unknown placeholder {{bogus}}");
        assertThat(saveFailure("S {{#inviter}}{{nmae}}{{/inviter}}", "b").problems()).singleElement().asString()
                .startsWith("subject line 1: unknown placeholder {{nmae}}");
    }

    @Test
    void placeholdersRelativeToASectionShouldBeAccepted() {
        TemplateSource source = new TemplateSource("Hi {{#inviter}}{{name}}{{/inviter}}",
                "{{#note}}Note: {{.}}{{/note}}{{^note}}No note{{/note}}\n");
        assertThat(store.validate("reply", source)).isEmpty();
    }

    @Test
    void digestPlaceholdersShouldOnlyBeAcceptedInTheDigest() {
        TemplateSource source = new TemplateSource("{{count}}", "{{#invitations}}{{inviter.name}}{{/invitations}}");
        assertThat(store.validate("digest", source)).isEmpty();
        assertThat(store.validate("reply", source)).hasSize(2);
    }

    @Test
    void syntaxErrorsPartialsAndEmptyPartsShouldAllBeReported() {
        TemplateException error = saveFailure("", "{{#note}}unclosed");
        assertThat(error.problems()).containsExactly("subject: must not be empty",
                "body: Section missing close tag 'note' @ line 1");
        assertThat(saveFailure(" ", " \n").problems()).containsExactly("subject: must not be empty",
                "body: must not be empty");
        assertThat(saveFailure("S", "{{> evil}}").problems()).singleElement().asString()
                .isEqualTo("body: {{> evil}} is not supported (no partials or template inheritance)");
        assertThat(saveFailure("S\nBcc: x", "b").problems()).contains(
                "subject: must be a single line without control characters");
    }

    @Test
    void oversizeTemplateShouldBeRejected() {
        TemplateException error = saveFailure("S", "x".repeat(70_000));
        assertThat(error.kind()).isEqualTo(TemplateException.Kind.INVALID_TEMPLATE);
        assertThat(error.getMessage()).isEqualTo("template is 70012 bytes, more than the 65536 bytes allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../reply", "..", "reply/../../x", "/etc/passwd", "%2e%2e%2fx", "re\u0000ply", "Reply",
            "reply%2f", "domains", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void unsafeTemplateNamesShouldBeRejected(String name) {
        TemplateException error = catchThrowableOfType(() -> store.put(name, "en", new TemplateSource("S", "b"), "a"),
                TemplateException.class);
        assertThat(error.kind()).isEqualTo(TemplateException.Kind.INVALID_NAME);
        assertThat(error.getMessage()).startsWith("invalid template name").doesNotContain("\u0000");
        assertThat(root.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../en", "en/../..", "EN", "en-us", "e", "/tmp", "en%2f", "en\u0000"})
    void unsafeLocalesShouldBeRejected(String locale) {
        assertThatThrownBy(() -> store.put("reply", locale, new TemplateSource("S", "b"), "a"))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("invalid locale");
        assertThat(root.toFile().list()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "..", "example.com/..", "/etc", "exa mple.com", "a%2fb", "x\u0000.com",
            "-bad.com", "a..b"})
    void unsafeDomainsShouldBeRejected(String domain) {
        assertThatThrownBy(() -> TemplateId.forDomain(domain, "reply", "en"))
                .isInstanceOf(TemplateException.class).hasMessageStartingWith("invalid domain");
    }

    @Test
    void unsafeVersionIdsShouldBeRejected() {
        TemplateException error = catchThrowableOfType(() -> store.rollback("reply", "en", "../../../etc/passwd", "a"),
                TemplateException.class);
        assertThat(error.kind()).isEqualTo(TemplateException.Kind.INVALID_NAME);
    }

    @Test
    void fileFormatShouldNeedSubjectLineAndBlankLine() {
        assertThat(TemplateSource.parse("Subject: Hi {{inviter.name}}\r\n\r\nBody\r\nmore\r\n"))
                .isEqualTo(new TemplateSource("Hi {{inviter.name}}", "Body\nmore\n"));
        assertThatThrownBy(() -> TemplateSource.parse("Hello\n\nBody")).hasMessageContaining("\"Subject: ...\"");
        assertThatThrownBy(() -> TemplateSource.parse("Subject: x\nBody")).hasMessageContaining("blank line");
        TemplateSource source = new TemplateSource("Auto: x", "line\n");
        assertThat(TemplateSource.parse(source.toText())).isEqualTo(source);
    }

    @Test
    void saveShouldLeaveNoTemporaryFiles() throws IOException {
        store.put("reply", "en", new TemplateSource("S", "b"), "admin");
        try (Stream<Path> files = Files.list(directory.resolve("reply"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("en.mustache");
        }
        assertThat(Files.readString(directory.resolve("reply/en.mustache"))).isEqualTo("Subject: S\n\nb");
    }
}
