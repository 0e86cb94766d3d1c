package org.havewemet.reply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer rules run on RE2/J, whose \b, \w and \s are ASCII-only; java.util.regex with UNICODE_CHARACTER_CLASS,
 * which the rules were written for, saw accented letters as word characters and Unicode spaces as spaces.
 */
class AnswerPatternsUnicodeTest {
    private final AnswerClassifier classifier = new AnswerClassifier();

    @Test
    void explainShouldNotTakeNoelForANegationWhenItPrecedesASharedContext() {
        // With an ASCII \b, the "No" of "Noël" would be the word "no" and cancel the shared context.
        AnswerClassifier.Classification c = classifier.explain("Noël says we met at the conference in Lyon");

        assertThat(c.kind()).isEqualTo(AnswerKind.SHARED_CONTEXT);
        assertThat(c.evidence()).isEqualTo("we met at");
    }

    @Test
    void explainShouldFindSharedContextWhenWordsAreSeparatedByUnicodeSpaces() {
        AnswerClassifier.Classification c = classifier.explain("we\u2003met\u2003at the bakery");

        assertThat(c.kind()).isEqualTo(AnswerKind.SHARED_CONTEXT);
    }

    @Test
    void explainShouldNotTakeANameThatIsGluedToALetterBeforeIt() {
        // The rule's lookbehind: "Anna" in "éAnna" is not a name of its own.
        assertThat(classifier.explain("éAnna suggested I write to you").kind()).isEqualTo(AnswerKind.NOT_MET_NO_REASON);
    }

    @Test
    void explainShouldGiveTheNameWithoutThePunctuationBeforeItAsEvidence() {
        AnswerClassifier.Classification c = classifier.explain("(Maria Lopez suggested I contact you)");

        assertThat(c.kind()).isEqualTo(AnswerKind.MUTUAL_ACQUAINTANCE);
        assertThat(c.evidence()).isEqualTo("Maria Lopez suggested");
    }

    @Test
    void explainShouldEndAWordAfterAnAccentedLetterWhenTheRuleEndsInAWordBoundary() {
        // "nous (étions|sommes) (à|au|...)\b": with an ASCII \b, "à" followed by a space is no word end.
        AnswerClassifier.Classification c = classifier.explain("nous étions à Lyon ensemble");

        assertThat(c.kind()).isEqualTo(AnswerKind.SHARED_CONTEXT);
        assertThat(c.evidence()).isEqualTo("nous étions à");
    }
}
