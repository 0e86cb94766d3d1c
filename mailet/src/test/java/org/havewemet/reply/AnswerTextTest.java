package org.havewemet.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTextTest {
    @Test
    void ofShouldTakePlainPartWithoutQuoteWhenMultipartAlternative() {
        String text = AnswerText.of(PolicyFixture.load("answer-gmail.eml"));

        assertThat(text).isEqualTo("Hi Alice, we were both at KubeCon in Paris, I asked a question after your session.");
    }

    @Test
    void ofShouldTakeHtmlWithoutOutlookOriginalWhenNoPlainPart() {
        String text = AnswerText.of(PolicyFixture.load("answer-outlook.eml"));

        assertThat(text).contains("meine Kollegin Anna Schmidt hat mir Ihr Profil empfohlen.")
                .doesNotContain("KubeCon").doesNotContain("Betreff").doesNotContain("margin");
        assertThat(new AnswerClassifier().classify(PolicyFixture.load("answer-outlook.eml")))
                .isEqualTo(AnswerKind.MUTUAL_ACQUAINTANCE);
    }

    @Test
    void newTextShouldKeepInlineAnswersWhenQuotesAreInterleaved() {
        String text = "> Have we met?\nNo.\n> Did someone suggest me?\nYes, Maria Lopez did.\n";

        assertThat(AnswerText.newText(text)).isEqualTo("No.\nYes, Maria Lopez did.");
    }

    @Test
    void newTextShouldKeepSentenceWhenItMerelyStartsWithOn() {
        assertThat(AnswerText.newText("On Monday we were both at the meetup.")).isEqualTo(
                "On Monday we were both at the meetup.");
    }

    @Test
    void newTextShouldCutAtMobileSignatureWhenPresent() {
        assertThat(AnswerText.newText("No.\n\nSent from my iPhone\n\n> question")).isEqualTo("No.");
    }
}
