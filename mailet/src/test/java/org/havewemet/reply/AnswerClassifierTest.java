package org.havewemet.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerClassifierTest {
    private final AnswerClassifier classifier = new AnswerClassifier();

    private void assertKind(String text, AnswerKind expected) {
        AnswerClassifier.Classification c = classifier.explain(AnswerText.newText(text));
        assertThat(c.kind()).as("'%s' (evidence: %s)", text, c.evidence()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No, we haven't met.",
        "Nope, sorry.",
        "We haven't met. I just want to grow my network.",
        "No we have not met, I'm adding people to expand my professional network.",
        "No. I thought you might be a good connection.",
        "Hi, no we have never met at any conference. Just accept please.",
        "LinkedIn suggested you as someone I may know.",
        "A friend suggested I should connect with more people.",
        "Non, on ne se connaît pas.",
        "Nein, wir kennen uns nicht.",
        "No, no nos conocemos.",
        ""})
    void classifyShouldSayNotMetNoReasonWhenAnswerExplainsNothing(String text) {
        assertKind(text, AnswerKind.NOT_MET_NO_REASON);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hi Alice, we were both at KubeCon in Paris last spring, I asked a question after your session.",
        "I saw your talk at FOSDEM about mail servers and loved it.",
        "No, we haven't met, but I work on Apache James and would like to ask you about your mailet.",
        "We met at the Berlin Rust meetup in October.",
        "I'm a recruiter at Acme and we have a senior backend role that matches your profile.",
        "We're both members of the same user group, the Lyon JUG.",
        "I read your article on RFC 3834 and would like your feedback on our responder.",
        "Bonjour, nous étions tous les deux à la conférence Devoxx France.",
        "J'ai vu votre présentation à Paris Web, très intéressante.",
        "Hallo, wir haben uns auf der Konferenz in München kennengelernt.",
        "Ich habe Ihren Vortrag auf der JavaLand gesehen.",
        "Hola, nos conocimos en el congreso de Madrid.",
        "Vi tu charla en la PyConES y me encantó."})
    void classifyShouldSaySharedContextWhenAnswerExplainsGroupEventOrPurpose(String text) {
        assertKind(text, AnswerKind.SHARED_CONTEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Maria Lopez suggested I reach out to you.",
        "No we haven't, but Tom Becker recommended you as the person to ask about mail filtering.",
        "I was referred to you by Jean-Pierre Martin.",
        "My colleague Priya told me you know everything about James.",
        "Hi! Maria Lopez, my former manager, suggested we connect.",
        "We have a mutual friend, Kenji Watanabe, who thought we should talk.",
        "Sophie Durand m'a conseillé de vous contacter.",
        "Je vous écris de la part de Pierre Lefèvre.",
        "Meine Kollegin Anna Schmidt hat mir Ihr Profil empfohlen.",
        "Auf Empfehlung von Jonas Weber schreibe ich Ihnen.",
        "Carlos Ruiz me recomendó que te escribiera.",
        "Te escribo de parte de Lucía Fernández."})
    void classifyShouldSayMutualAcquaintanceWhenAnswerNamesSomeone(String text) {
        assertKind(text, AnswerKind.MUTUAL_ACQUAINTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Someone suggested I reach out.", "LinkedIn recommended you.",
        "Mein Kollege hat mir Ihr Profil gezeigt.", "She told me to write."})
    void classifyShouldNotSayMutualWhenNoPersonIsNamed(String text) {
        assertThat(classifier.classify(text)).isNotEqualTo(AnswerKind.MUTUAL_ACQUAINTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "No, we haven't met.\n\nOn Tue, Nov 24, 2026 at 6:02 PM Alice Example <alice@example.org> wrote:\n"
            + "> Hi Bob, have we met? Were we both at a conference, or did Maria Lopez suggest me?\n",
        "Nope.\n\nOn Tue, Nov 24, 2026 at 6:02 PM Alice Example <\nalice@example.org> wrote:\n"
            + "> I saw your talk at KubeCon?\n",
        "Non.\n\nLe mar. 24 nov. 2026 à 18:02, Alice <alice@example.org> a écrit :\n> Étions-nous à la même conférence ?",
        "Nein.\n\nAm 24.11.2026 um 18:02 schrieb Alice Example <alice@example.org>:\n> Waren wir auf der Konferenz?",
        "No.\n\n-----Original Message-----\nFrom: Alice\nSent: Tuesday\n\nWe met at the conference, right?",
        "No.\n\nFrom: Alice Example <alice@example.org>\nSent: Tuesday, November 24, 2026 6:02 PM\n"
            + "Subject: Have we met?\n\nWere we both at KubeCon?",
        "No.\n-- \nBob Martin\nFormer speaker at KubeCon, recommended by Maria Lopez"})
    void classifyShouldIgnoreQuotedQuestionAndSignatureWhenAnswerIsJustNo(String text) {
        assertKind(text, AnswerKind.NOT_MET_NO_REASON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NO_ANSWER", "NOT_MET_NO_REASON"})
    void isExplainedShouldBeFalseWhenNothingWasExplained(String kind) {
        assertThat(AnswerKind.valueOf(kind).isExplained()).isFalse();
        assertThat(AnswerKind.SHARED_CONTEXT.isExplained()).isTrue();
        assertThat(AnswerKind.MUTUAL_ACQUAINTANCE.isExplained()).isTrue();
    }
}
