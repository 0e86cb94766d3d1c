package org.havewemet.triage.judge;

import java.util.List;
import java.util.Map;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.Reason;
import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JudgeUnitsTest {
    private static final PlatformProfiles PROFILES = PlatformProfiles.loadDefault();
    private static final NoteJudge JUDGE = new NoteJudge(PROFILES.generic(), JudgeSettings.defaults());
    private static final DefaultNotes LINKEDIN = new DefaultNotes()
            .add(PROFILES.byId("linkedin").orElseThrow().profile().defaultNotes(), false)
            .add(PROFILES.generic().rules.contentless(), true);
    private static final NoteJudge.Signals NONE = new NoteJudge.Signals(null, null, "Engineer", true);

    @Test
    void defaultSentenceDamagedByAnArchiveShouldStillBeRecognised() {
        NoteJudge.Judgement j = JUDGE.judge("Eu gostaria de adicion?-lo ? minha rede profissional no LinkedIn.", LINKEDIN, NONE);

        assertThat(j.personal()).isFalse();
        assertThat(j.language()).isEqualTo("pt");
        assertThat(j.reasons()).extracting(Reason::code).contains("DEFAULT_NOTE");
    }

    @Test
    void greetingAndLetsConnectShouldBeContentless() {
        NoteJudge.Judgement j = JUDGE.judge("Hi there!\nLet's connect!", LINKEDIN, NONE);

        assertThat(j.personal()).isFalse();
        assertThat(j.reasons()).extracting(Reason::code).contains("CONTENTLESS_NOTE");
    }

    @Test
    void noteSayingHowWeMetShouldBePersonal() {
        NoteJudge.Judgement j = JUDGE.judge("We met at the Lucene workshop in Berlin, you helped me with my analyzer.", LINKEDIN, NONE);

        assertThat(j.personal()).isTrue();
        assertThat(j.reasons()).extracting(Reason::code).contains("SAYS_HOW");
    }

    @Test
    void salesPitchShouldNotCountAsAnExplanation() {
        NoteJudge.Judgement j = JUDGE.judge("I am the founder of an agency: our services cover SEO and lead generation because growth matters.", LINKEDIN, NONE);

        assertThat(j.personal()).isFalse();
        assertThat(j.reasons()).extracting(Reason::code).contains("SALES_PITCH");
    }

    @Test
    void strangerSignalsShouldBeNamedAsReasons() {
        NoteJudge.Judgement j = JUDGE.judge(null, LINKEDIN, new NoteJudge.Signals(1, 500, null, true));

        assertThat(j.reasons()).extracting(Reason::code).contains("NO_NOTE", "FEW_MUTUAL_CONNECTIONS", "MANY_CONNECTIONS", "EMPTY_PROFILE");
    }

    @Test
    void lookalikeDomainsShouldBeDetectedByEditDistanceHomoglyphsAndEmbedding() {
        assertThat(SpoofDetector.imitates("linnkedin", "linkedin", "linnkedin.com")).isTrue();
        assertThat(SpoofDetector.imitates("linkedln", "linkedin", "linkedln.com")).isTrue();
        assertThat(SpoofDetector.imitates("faceb00k-login", "facebook", "faceb00k-login.com")).isTrue();
        assertThat(SpoofDetector.imitates("evil", "linkedin", "linkedin.com.evil.ru")).isTrue();
        assertThat(SpoofDetector.imitates("example", "linkedin", "example.com")).isFalse();
        assertThat(SpoofDetector.imitates("linkedin", "linkedin", "www.linkedin.com")).isFalse();
    }

    @Test
    void languageGuesserShouldNameCommonLanguages() {
        assertThat(LanguageGuesser.guess("Ich möchte Sie zu meinem Netzwerk hinzufügen")).isEqualTo("de");
        assertThat(LanguageGuesser.guess("Je souhaiterais faire partie de votre réseau")).isEqualTo("fr");
        assertThat(LanguageGuesser.guess("LinkedInのネットワークにあなたを追加したいと思います")).isEqualTo("ja");
        assertThat(LanguageGuesser.guess("12345")).isNull();
    }

    @Test
    void fuzzyMatchShouldTreatQuestionMarksAsAnyCharacter() {
        assertThat(Fuzzy.similar(Fuzzy.normalize("Ich m?chte Sie"), Fuzzy.normalize("Ich möchte Sie"), 0.0)).isTrue();
        assertThat(Fuzzy.similar(Fuzzy.normalize("completely different"), Fuzzy.normalize("Ich möchte Sie"), 0.15)).isFalse();
        assertThat(new DefaultNotes().add(Map.of("en", List.of("Hello world.")), false).match("hello, WORLD", 0.1)).isPresent();
    }
}
