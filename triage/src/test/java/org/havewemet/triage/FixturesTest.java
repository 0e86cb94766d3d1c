package org.havewemet.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every fixture under src/test/resources/fixtures gets the verdict, platform and inviter listed in fixtures.tsv. */
class FixturesTest {
    /** Our own MTA in the fixtures: its Authentication-Results are believed. */
    static final JudgeSettings SETTINGS = JudgeSettings.defaults().withTrustedAuthServIds(List.of("mx.havewemet.test"));
    static final KnownInviters KNOWN = (recipient, email, name) -> "alice.known@example.com".equalsIgnoreCase(email);
    static final InvitationTriage TRIAGE = new InvitationTriage(PlatformProfiles.loadDefault(), SETTINGS, KNOWN);

    static Stream<Arguments> fixtures() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FixturesTest.class.getResourceAsStream("/fixtures/fixtures.tsv"), StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] f = line.split("\t", -1);
                    rows.add(Arguments.of(f[0], Verdict.valueOf(f[1]), f[2], f[3]));
                }
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        return rows.stream();
    }

    @org.junit.jupiter.api.Test
    void concurrentTriageShouldGiveTheSameVerdictsAsSequentialTriage() throws IOException {
        List<String> files = fixtures().map(a -> (String) a.get()[0]).toList();
        List<Verdict> sequential = files.stream()
                .map(f -> TRIAGE.triage(Mails.fixture(f), null, "paul@example.com").verdict()).toList();

        List<Verdict> parallel = files.parallelStream()
                .map(f -> TRIAGE.triage(Mails.fixture(f), null, "paul@example.com").verdict()).toList();

        assertThat(parallel).isEqualTo(sequential);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("fixtures")
    void fixtureShouldGetItsExpectedVerdictPlatformAndInviter(String file, Verdict verdict, String platform, String inviter) {
        TriageResult result = TRIAGE.triage(Mails.fixture(file), "bounce@example.net", "paul@example.com");

        assertThat(result.verdict()).as(file + " " + result.reasons()).isEqualTo(verdict);
        assertThat(result.reasons()).isNotEmpty();
        if (!"-".equals(platform)) {
            assertThat(result.invitation()).as(file).isPresent();
            assertThat(result.invitation().get().platform()).isEqualTo(platform);
            assertThat(result.invitation().get().inviter().name()).isEqualTo(inviter);
        }
    }
}
