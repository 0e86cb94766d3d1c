package org.havewemet.triage.judge;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The judge in each language the platforms send in: a note that explains itself, and one that does not. */
class NoteJudgeLanguagesTest {
    private static final PlatformProfiles PROFILES = PlatformProfiles.loadDefault();
    private static final NoteJudge JUDGE = new NoteJudge(PROFILES.generic(), JudgeSettings.defaults());
    private static final DefaultNotes DEFAULTS = new DefaultNotes()
            .add(PROFILES.byId("linkedin").orElseThrow().profile().defaultNotes(), false)
            .add(PROFILES.generic().rules.contentless(), true);
    private static final NoteJudge.Signals CARD = new NoteJudge.Signals(12, 300, "Engineer", true, "Alex Doe", "Sam Roe");

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|We worked together at Initech until 2019, I was on the billing team.",
        "es|Nos conocimos en la cena de ponentes de la JSConf en Madrid, en octubre.",
        "pt|A Carla Souza me indicou seu contato para falar sobre o projeto de pagamentos.",
        "fr|Nous nous sommes croisés au meetup Rust de Lyon, je voulais poursuivre la discussion.",
        "de|Wir haben uns auf der JAX in Mainz kennengelernt, ich hätte noch eine Frage zu Ihrem Vortrag.",
        "it|Ci siamo conosciuti al convegno di Bologna, ti andrebbe di sentirci per il progetto?",
        "nl|We hebben samengewerkt bij Bol, ik wil graag je advies over een project.",
        "sv|Vi träffades på konferensen i Göteborg och pratade om Kafka.",
        "da|Vi mødtes på konferencen i Aarhus, jeg har et spørgsmål om dit foredrag.",
        "no|Vi jobbet sammen i Telenor, jeg har et spørsmål om prosjektet.",
        "pl|Poznaliśmy się na konferencji w Gdańsku, chciałbym zapytać o projekt.",
        "cs|Potkali jsme se na konferenci v Brně, mám otázku k vaší přednášce.",
        "ru|Мы познакомились на конференции в Казани, хотел бы обсудить проект.",
        "uk|Ми працювали разом у Львові, хочу запитати про проєкт.",
        "tr|Geçen yıl konferansta tanıştık, proje hakkında bir sorum var.",
        "id|Kita pernah bertemu di seminar Jakarta, saya ingin bertanya tentang proyek Anda.",
        "ms|Kita pernah berjumpa di seminar, saya ingin bertanya tentang projek anda.",
        "ro|Ne-am cunoscut la conferința din Cluj, am o întrebare despre proiect.",
        "ar|التقينا في مؤتمر دبي، ولدي سؤال عن مشروعك.",
        "ja|先月の勉強会でお会いしました。プロジェクトについてご相談したいです。",
        "zh|我们在北京的大会上见过，想请教您一个项目的问题。",
        "ko|지난달 세미나에서 만났습니다. 프로젝트에 대해 질문이 있습니다.",
        "th|เราเจอกันที่งานสัมมนาที่กรุงเทพ อยากสอบถามเรื่องโครงการ",
    })
    void noteThatSaysHowWeMetShouldBePersonalInItsLanguage(String language, String note) {
        NoteJudge.Judgement j = JUDGE.judge(note, DEFAULTS, CARD);

        assertThat(j.personal()).as(language + ": " + note + " " + j.reasons()).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|Great profile, would love to connect.",
        "en|I help founders grow your business with our lead generation services.",
        "es|Me encanta conectar con profesionales como tú. ¡Un abrazo!",
        "es|Tu perfil es impresionante, me encantaría conectar.",
        "pt|Ajudo empresas a crescer com tráfego pago, posso te mostrar como?",
        "fr|Je souhaite vous présenter notre offre de génération de leads, sans engagement.",
        "de|Wir helfen Unternehmen beim Wachstum, unverbindlich und kostenlos.",
        "it|Consulenza gratuita e senza impegno per la tua azienda.",
        "nl|Mooi profiel! Laten we connecten.",
        "sv|Hej! Vill gärna ha dig i mitt nätverk.",
        "da|Hej, jeg vil gerne have dig i mit netværk.",
        "no|Hei, jeg vil gjerne ha deg i nettverket mitt.",
        "pl|Cześć, chętnie dodam Cię do mojej sieci kontaktów.",
        "cs|Dobrý den, rád bych si vás přidal do sítě.",
        "ru|Здравствуйте, хочу добавить вас в свою сеть.",
        "uk|Вітаю, хочу додати вас до своєї мережі.",
        "tr|Merhaba, sizi ağıma eklemek istiyorum.",
        "id|Halo, saya ingin menambahkan Anda ke jaringan saya.",
        "ro|Bună, aș dori să te adaug în rețeaua mea.",
        "ar|مرحبا، أود إضافتك إلى شبكتي.",
        "ja|よろしくお願いします。つながりましょう。",
        "zh|您好，很高興認識您，希望能與您建立聯繫。",
        "ko|안녕하세요, 일촌 신청합니다.",
    })
    void noteThatExplainsNothingShouldBeUnexplainedInItsLanguage(String language, String note) {
        NoteJudge.Judgement j = JUDGE.judge(note, DEFAULTS, CARD);

        assertThat(j.personal()).as(language + ": " + note + " " + j.reasons()).isFalse();
    }
}
