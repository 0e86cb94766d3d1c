package org.havewemet.triage.judge;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Notes people really write, judged: personal (explains who/how/why) or not. */
class NoteJudgeExamplesTest {
    private static final PlatformProfiles PROFILES = PlatformProfiles.loadDefault();
    private static final NoteJudge JUDGE = new NoteJudge(PROFILES.generic(), JudgeSettings.defaults());
    private static final DefaultNotes DEFAULTS = new DefaultNotes()
            .add(PROFILES.byId("linkedin").orElseThrow().profile().defaultNotes(), false)
            .add(PROFILES.generic().rules.contentless(), true);

    @ParameterizedTest(name = "{0} -> personal={1}")
    @CsvSource(delimiter = '|', value = {
            "Paul, great working with you on the Apache James release!|true",
            "Thanks for your help on the mailing list last week.|true",
            "As discussed on our call, here is my invitation.|true",
            "I'm Marie from Example Labs, we build DMARC tooling.|true",
            "Nos conocimos en la conferencia de Madrid.|true",
            "Wir haben uns auf der JAX kennengelernt.|true",
            "On s'est rencontré au Capitole du Libre.|true",
            "I'd like to add you to my professional network on LinkedIn.|false",
            "Hi Paul, I'd like to connect.|false",
            "Let's connect!|false",
            "I came across your profile and would like to connect.|false",
            "I help founders scale with passive income strategies, DM me for details.|false",
            "Are you investing in crypto? Book a call with me.|false",
            "Hello|false",
    })
    void noteShouldBeJudged(String note, boolean personal) {
        NoteJudge.Judgement j = JUDGE.judge(note, DEFAULTS, new NoteJudge.Signals(null, null, "Engineer", true));

        assertThat(j.personal()).as(note + " " + j.reasons()).isEqualTo(personal);
    }
}
