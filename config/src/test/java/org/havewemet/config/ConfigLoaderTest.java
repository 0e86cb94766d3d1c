package org.havewemet.config;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigLoaderTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
    }

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(() -> ConfigLoader.loadFromString(yaml, "havewemet.yaml"), ConfigException.class);
    }

    @Test
    void emptyFileShouldYieldDefaults() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString("", "havewemet.yaml");
        assertThat(config).isEqualTo(HaveWeMetConfig.defaults());
        assertThat(config.folders()).isEqualTo(new FoldersConfig("Invitations/Priority", "Invitations/Unexplained",
                "Spam", "Drafts"));
        assertThat(config.replies().enabled()).isTrue();
        assertThat(config.replies().periodDays()).isEqualTo(30);
        assertThat(config.replies().dryRun()).isFalse();
        assertThat(config.replies().ratePerHour()).isEqualTo(20);
        assertThat(config.replies().globalRatePerHour()).isEqualTo(500);
        assertThat(config.replies().optOut()).isEmpty();
        assertThat(config.replies().aliases()).isEmpty();
        assertThat(config.replies().answerWaitDays()).isEqualTo(7);
        assertThat(config.judge().fewMutualConnections()).isEqualTo(5);
        assertThat(config.judge().manyConnections()).isEqualTo(500);
        assertThat(config.platforms().file()).isNull();
        assertThat(config.digest().schedule()).isEqualTo(DigestSchedule.OFF);
        assertThat(config.index().commitIntervalSeconds()).isEqualTo(5);
        assertThat(config.index().retentionDays()).isZero();
        assertThat(config.templates()).isEqualTo(new TemplatesConfig("var/havewemet/templates", "en"));
        assertThat(config.patterns().neverAnswer().isEmpty()).isTrue();
    }

    @Test
    void commentsOnlyAndEmptySectionsShouldYieldDefaults() throws Exception {
        assertThat(ConfigLoader.loadFromString("# nothing yet\n", "x")).isEqualTo(HaveWeMetConfig.defaults());
        assertThat(ConfigLoader.loadFromString("replies:\nfolders:\n", "x")).isEqualTo(HaveWeMetConfig.defaults());
    }

    @Test
    void everyKeyShouldBindWhenAllAreGiven() throws Exception {
        HaveWeMetConfig config = ConfigLoader.load(fixture("full.yaml"));
        assertThat(config.folders().drafts()).isEqualTo("Brouillons");
        assertThat(config.replies().enabled()).isFalse();
        assertThat(config.replies().dryRun()).isTrue();
        assertThat(config.replies().periodDays()).isEqualTo(90);
        assertThat(config.replies().isOptedOut("boss@example.COM")).isTrue();
        assertThat(config.replies().aliases()).isEqualTo(Map.of("alice@example.com",
                List.of("a.smith@example.com", "alice@example.org")));
        assertThat(config.replies().canonicalUser("A.Smith@example.com")).isEqualTo("alice@example.com");
        assertThat(config.replies().answerWaitDays()).isEqualTo(14);
        assertThat(config.judge().personalThreshold()).isEqualTo(2.5);
        assertThat(config.judge().suspiciousThreshold()).isEqualTo(7.0);
        assertThat(config.judge().trustedAuthServIds()).containsExactly("mx.example.com");
        assertThat(config.platforms().resolvedFile(Path.of("/etc/james"))).contains(Path.of("/etc/james/platforms-local.yaml"));
        assertThat(config.digest()).isEqualTo(new DigestConfig(DigestSchedule.WEEKLY, 18));
        assertThat(config.index()).isEqualTo(new IndexConfig(10, 365));
        assertThat(config.templates().resolvedDirectory(Path.of("/data"))).isEqualTo(Path.of("/srv/templates"));
        assertThat(config.patterns().neverAnswer().matches("Recruiter@agency.example")).isTrue();
        assertThat(config.patterns().neverAnswer().matches("bob@example.com")).isFalse();
        assertThat(config.patterns().alwaysPriority().matches("ceo@mycompany.com")).isTrue();
    }

    @Test
    void wrongTypeShouldNameKeyLineColumnExpectedAndFound() {
        ConfigException error = failure("replies:\n  enabled: true\n  periodDays: abc\n");
        assertThat(error.problems()).hasSize(1);
        ConfigProblem problem = error.problems().get(0);
        assertThat(problem.keyPath()).isEqualTo("replies.periodDays");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(15);
        assertThat(problem.message()).isEqualTo(
                "havewemet.yaml:3:15: replies.periodDays: expected an integer between 1 and 3650, found \"abc\"");
        assertThat(error.getMessage()).contains(problem.message());
    }

    @Test
    void outOfRangeShouldBeRejected() {
        assertThat(failure("replies:\n  periodDays: 0\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:2:15: replies.periodDays: expected an integer between 1 and 3650, found \"0\"");
        assertThat(failure("digest:\n  hour: 24\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:2:9: digest.hour: expected an integer between 0 and 23, found \"24\"");
    }

    @Test
    void unknownKeyShouldListKnownKeysAndSuggestTheClosest() {
        ConfigProblem problem = failure("replies:\n  perodDays: 3\n").problems().get(0);
        assertThat(problem.message()).isEqualTo("havewemet.yaml:2:3: replies.perodDays: expected one of the keys under "
                + "replies (enabled, periodDays, dryRun, ratePerHour, globalRatePerHour, optOut, aliases, "
                + "answerWaitDays), found unknown key \"perodDays\"; did you mean \"periodDays\"?");
    }

    @Test
    void unknownSectionShouldBeRejectedAtTopLevel() {
        assertThat(failure("replys:\n  enabled: true\n").problems().get(0).message())
                .startsWith("havewemet.yaml:1:1: replys: expected one of the keys at the top level (folders, replies,")
                .endsWith("did you mean \"replies\"?");
    }

    @Test
    void unknownEnumValueShouldListAllowedValues() {
        assertThat(failure("digest:\n  schedule: monthly\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:2:13: digest.schedule: expected one of off, daily, weekly, found \"monthly\"");
    }

    @Test
    void offShouldBindAsScheduleEvenThoughYamlReadsItAsBoolean() throws Exception {
        assertThat(ConfigLoader.loadFromString("digest:\n  schedule: off\n", "x").digest().schedule())
                .isEqualTo(DigestSchedule.OFF);
        assertThat(ConfigLoader.loadFromString("digest:\n  schedule: Daily\n", "x").digest().schedule())
                .isEqualTo(DigestSchedule.DAILY);
    }

    @Test
    void invalidPatternShouldNameTheItemAndRe2Reason() {
        ConfigProblem problem = failure("patterns:\n  neverAnswer:\n    - 'ok@'\n    - '(unclosed'\n").problems().get(0);
        assertThat(problem.keyPath()).isEqualTo("patterns.neverAnswer[1]");
        assertThat(problem.message()).startsWith("havewemet.yaml:4:7: patterns.neverAnswer[1]: expected a valid regular "
                + "expression (RE2 syntax), found \"(unclosed\"; RE2 says: ");
    }

    @Test
    void backtrackingOnlyFeaturesShouldBeRejectedBecauseRe2CannotHang() {
        assertThat(failure("patterns:\n  neverAnswer: ['(a+)+\\1']\n").problems()).hasSize(1);
    }

    @Test
    void everyProblemShouldBeReportedAtOnce() throws Exception {
        ConfigException error = catchThrowableOfType(() -> ConfigLoader.load(fixture("many-errors.yaml")),
                ConfigException.class);
        assertThat(error.problems()).extracting(ConfigProblem::keyPath).containsExactlyInAnyOrder(
                "folders.priority", "replies.periodDays", "replies.perodDays", "replies.ratePerHour",
                "replies.optOut", "digest.schedule", "digest.hour", "patterns.neverAnswer[1]");
        assertThat(error.getMessage()).startsWith("many-errors.yaml: 8 configuration problems")
                .contains("many-errors.yaml:7:11: replies.optOut: expected a list of mail addresses, found "
                        + "\"boss@example.com\"");
    }

    @Test
    void badAddressesShouldBeReportedPerItem() {
        ConfigException error = failure("replies:\n  optOut: [ok@example.com, nobody]\n  aliases:\n    bob: [x@y]\n");
        assertThat(error.problems()).extracting(ConfigProblem::message).containsExactlyInAnyOrder(
                "havewemet.yaml:2:28: replies.optOut[1]: expected a mail address like user@example.com, found \"nobody\"",
                "havewemet.yaml:4:5: replies.aliases.bob: expected a user address like user@example.com, found \"bob\"");
    }

    @Test
    void missingFileShouldNameThePath(@TempDir Path dir) {
        Path missing = dir.resolve("havewemet.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing + ": configuration file does not exist");
    }

    @Test
    void loadOrDefaultsShouldAcceptAMissingFile(@TempDir Path dir) throws Exception {
        assertThat(ConfigLoader.loadOrDefaults(dir.resolve("none.yaml"))).isEqualTo(HaveWeMetConfig.defaults());
    }

    @Test
    void secretValuesShouldNeverBeEchoed() {
        ConfigException unknownSecret = failure("digest:\n  smtpPassword: hunter2\n");
        assertThat(unknownSecret.getMessage()).contains("digest.smtpPassword").doesNotContain("hunter2");
        assertThat(Problems.describe("digest.apiToken", new YamlTree.Scalar(
                JsonToken.VALUE_STRING, "hunter2", 1, 1))).isEqualTo("<redacted>");
        assertThat(Problems.describe("digest.hour", new YamlTree.Scalar(
                JsonToken.VALUE_STRING, "hunter2", 1, 1))).isEqualTo("\"hunter2\"");
    }

    @Test
    void syntaxErrorShouldGiveLineWithoutQuotingTheLine() {
        ConfigException error = failure("digest:\n  hour: 3\n  smtpPassword: \t\"hunter2\n");
        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0).line()).isEqualTo(3);
        assertThat(error.getMessage()).contains("invalid YAML syntax").doesNotContain("hunter2");
    }

    @Test
    void duplicateKeysShouldBeReported() {
        assertThat(failure("digest:\n  hour: 3\n  hour: 4\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:3:3: digest.hour: duplicate key \"hour\" (first defined on line 2)");
    }

    @Test
    void nonMappingDocumentShouldBeRejected() {
        assertThat(failure("- a\n- b\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:1:1: expected a mapping of sections, found a list");
    }

    @Test
    void fewMutualConnectionsShouldStayBelowManyConnections() {
        assertThat(failure("judge:\n  fewMutualConnections: 50\n  manyConnections: 10\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:3:20: judge.manyConnections: expected a number greater than "
                        + "judge.fewMutualConnections (50), found \"10\"");
    }

    @Test
    void badLocaleAndNonFiniteThresholdShouldBeRejected() {
        ConfigException error = failure("templates:\n  defaultLocale: french\njudge:\n  personalThreshold: .nan\n");
        assertThat(error.problems()).extracting(ConfigProblem::message).containsExactly(
                "havewemet.yaml:2:18: templates.defaultLocale: expected a locale like en or fr-CA, found \"french\"",
                "havewemet.yaml:4:22: judge.personalThreshold: expected a number between -1000 and 1000, found \".nan\"");
    }

    @Test
    void nonUtf8FileShouldBeReportedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("havewemet.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void wrongShapesShouldSayWhatWasExpected() {
        assertThat(failure("replies:\n  enabled: maybe\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:2:12: replies.enabled: expected true or false, found \"maybe\"");
        assertThat(failure("folders: Spam\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:1:10: folders: expected a mapping of keys, found \"Spam\"");
        assertThat(failure("folders:\n  drafts: [a, b]\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:2:11: folders.drafts: expected a folder name (at most 400 characters, "
                        + "no control characters), found a list");
        assertThat(failure("replies:\n  optOut:\n    -\n").problems().get(0).message())
                .isEqualTo("havewemet.yaml:3:6: replies.optOut[0]: expected a value (empty list items are not "
                        + "allowed), found nothing");
    }

    @Test
    void secondYamlDocumentShouldBeRejected() {
        assertThat(failure("digest:\n  hour: 3\n---\ndigest:\n  hour: 4\n").problems().get(0).message())
                .startsWith("havewemet.yaml:4:1: a second YAML document");
    }

    @Test
    void schemaShouldMirrorTheRecordsKeyForKey() {
        Map<String, ConfigRules.Rule> sections = ConfigSchema.ROOT.fields();
        assertThat(sections.keySet()).containsExactlyElementsOf(componentNames(HaveWeMetConfig.class));
        for (RecordComponent section : HaveWeMetConfig.class.getRecordComponents()) {
            ConfigRules.Section rule = (ConfigRules.Section) sections.get(section.getName());
            assertThat(rule.fields().keySet()).as(section.getName())
                    .containsExactlyElementsOf(componentNames(section.getType()));
        }
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName).toList();
    }

    @Test
    void yamlAliasesShouldBeRejectedClearly() {
        assertThat(failure("replies:\n  optOut: &x [a@b.c]\njudge:\n  trustedAuthServIds: *x\n").problems().get(0)
                .message()).isEqualTo("havewemet.yaml:4:23: judge.trustedAuthServIds: YAML aliases (*x) are not "
                        + "supported; write the value out");
    }

    @Test
    void shippedExampleFileShouldSpellOutExactlyTheDefaults() throws Exception {
        Path example = Path.of(ConfigLoader.class.getResource("/org/havewemet/config/havewemet-example.yaml").toURI());
        assertThat(ConfigLoader.load(example)).isEqualTo(HaveWeMetConfig.defaults());
    }
}
