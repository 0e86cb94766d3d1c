package org.havewemet.triage.judge;

import java.util.List;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.Reason;
import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Signals that need no language: named people, places, events and dates, the card, a concrete ask. */
class LanguageFreeSignalsTest {
    private static final PlatformProfiles PROFILES = PlatformProfiles.loadDefault();
    private static final NoteJudge JUDGE = new NoteJudge(PROFILES.generic(), JudgeSettings.defaults());
    private static final DefaultNotes DEFAULTS = new DefaultNotes()
            .add(PROFILES.byId("linkedin").orElseThrow().profile().defaultNotes(), false)
            .add(PROFILES.generic().rules.contentless(), true);
    private static final NoteJudge.Signals CARD = new NoteJudge.Signals(12, 300, "Engineer", true, "Alex Doe", "Sam Roe");

    private static List<String> codes(String note, NoteJudge.Signals signals) {
        return JUDGE.judge(note, DEFAULTS, signals).reasons().stream().map(Reason::code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ja|はじめまして。田中さんから伺い、ご連絡しました。",
        "ja|山田様の勉強会で一度ご挨拶しました。",
        "ko|안녕하세요. 김민수님 통해 연락드립니다.",
        "zh|您好，王先生让我联系您。",
        "de|Hallo, Herr Krüger meinte, ich solle mich melden.",
        "en|Hi, Maria Lopez from the billing team told me to reach out.",
        "ru|Здравствуйте, Иван Петров посоветовал написать вам.",
    })
    void namedPersonShouldBeAThirdPartyWhenNeitherInviterNorRecipient(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).contains("NAMES_A_THIRD_PARTY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ja|山田さん、はじめまして。よろしくお願いします。",
        "ko|김민수님, 안녕하세요. 잘 부탁드립니다.",
        "en|Hi Sam Roe, hope you are well. Best, Alex Doe",
    })
    void greetedPersonShouldNotBeAThirdPartyWhenTheNoteOpensWithTheName(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).doesNotContain("NAMES_A_THIRD_PARTY");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ja|3月の勉強会で隣に座っていました。",
        "ko|5월 세미나에서 뵈었습니다.",
        "de|Wir sprachen am 12.03. kurz am Stand.",
        "en|We spoke on 2024-05-12 after the talk.",
        "fr|On s'est vus le 14/06/2023 au salon.",
    })
    void dateInDigitsShouldNameADateWhateverTheLanguage(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).contains("NAMES_A_DATE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hu|Szia! A FOSDEM 2024 után beszéltünk a JMAP-ről.",
        "vi|Chào anh, em gặp anh ở KubeCon năm ngoái.",
        "en|Loved your session at PyCon.",
    })
    void eventNameShouldNameAnEventWhenNoWordSaysConference(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).contains("NAMES_AN_EVENT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pl|Widzieliśmy się w Krakowie.",
        "ru|Мы виделись в Москве.",
        "fr|Nous avons déjeuné à Lyon.",
        "es|Coincidimos en Valencia.",
    })
    void capitalizedWordAfterAPrepositionShouldNameAPlace(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).contains("NAMES_A_PLACE");
    }

    @Test
    void platformNameShouldNotBeAPlaceWhenTheNoteSaysWhereTheInviteIs() {
        assertThat(codes("I sent you an invite in LinkedIn, hope that is fine.", CARD)).doesNotContain("NAMES_A_PLACE");
    }

    @Test
    void cardShouldShowASharedOrganisationWhenTheHeadlineNamesTheRecipientsDomain() {
        NoteJudge.Signals colleague = new NoteJudge.Signals(12, 300, "Data engineer at Initrode", true, "Alex Doe",
            "Sam Roe", "Initrode Ltd", "sam.roe@mail.initrode.co.uk");

        List<String> codes = codes("Hallo Sam, schön dich hier zu sehen, bis bald im Büro.", colleague);

        assertThat(codes).contains("SHARED_ORGANISATION");
    }

    @Test
    void noteShouldNameTheRecipientsOrganisationWhenItMentionsTheirDomainsName() {
        NoteJudge.Signals card = new NoteJudge.Signals(12, 300, "Consultant", true, "Alex Doe", "Sam Roe", null,
            "sam@initrode.com");

        assertThat(codes("J'ai travaillé avec votre équipe Initrode l'an dernier.", card)).contains("NAMES_RECIPIENTS_ORGANISATION");
    }

    @Test
    void freeMailAddressShouldNameNoOrganisationWhenTheHeadlineHappensToMatch() {
        NoteJudge.Signals card = new NoteJudge.Signals(12, 300, "Gmail power user", true, "Alex Doe", "Sam Roe", null,
            "sam.roe@gmail.com");

        assertThat(codes("Hello Sam, nice to see you here again.", card)).doesNotContain("SHARED_ORGANISATION");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ja|来週、三十分ほどお時間をいただけますか。",
        "zh|下周能否抽空聊聊数据迁移的经验吗",
        "en|Would you have time for a quick chat about the migration plan next week?",
    })
    void concreteQuestionShouldBeAConcreteAskInAnyScript(String language, String note) {
        assertThat(codes(note, CARD)).as(language + ": " + note).contains("CONCRETE_ASK");
    }

    @Test
    void questionAboutConnectingShouldNotBeAConcreteAskWhenItOnlyAsksToAccept() {
        assertThat(codes("招待を承認していただけますか。", CARD)).doesNotContain("CONCRETE_ASK");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en|I saw your profile and would love to connect.",
        "es|Vi tu perfil y me pareció impresionante.",
        "de|Ihr Profil hat mich beeindruckt, gerne vernetzen.",
        "fr|Votre profil est impressionnant, au plaisir d'échanger.",
    })
    void flatteryShouldNotMakeANotePersonalWhenItIsAllTheNoteSays(String language, String note) {
        NoteJudge.Judgement j = JUDGE.judge(note, DEFAULTS, CARD);

        assertThat(j.personal()).as(language + ": " + note + " " + j.reasons()).isFalse();
    }

    @Test
    void cardCountLineShouldNotReadAsHowWeKnowEachOtherWhenLeftInTheNote() {
        assertThat(codes("Daniel Moreno quiere ser tu amigo.\n12 amigos en común", CARD)).doesNotContain("SAYS_HOW");
        assertThat(codes("Jan Becker möchte sich vernetzen.\n5 gemeinsame Kollegen", CARD)).doesNotContain("SAYS_HOW");
        assertThat(codes("Alex Doe wants to connect.\n12 former colleagues", CARD)).doesNotContain("SAYS_HOW");
    }

    @Test
    void sentenceThatStartsWithANumberShouldStillCountWhenItIsLong() {
        assertThat(NoteJudge.isCardCount("2 years ago we worked together on the billing system")).isFalse();
        assertThat(NoteJudge.isCardCount("12 amigos en común")).isTrue();
    }
}
