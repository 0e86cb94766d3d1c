package org.havewemet.triage.judge;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguageCuesTest {
    private static final LanguageCues CUES = LanguageCues.get();

    @Test
    void everyLanguageThePlatformsSendInShouldHaveCuesWhenLoaded() {
        assertThat(CUES.languages()).contains("en", "es", "pt", "fr", "de", "it", "nl", "sv", "da", "no", "pl", "cs",
            "ru", "uk", "tr", "id", "ms", "ar", "ja", "zh", "ko", "ro", "th");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "en|We were working together on the release last spring.|HOW",
        "es|Trabajamos juntas en el equipo de datos.|HOW",
        "es|Vi tu presentacion sobre Kafka.|HOW",
        "pt|Somos colegas de turma da faculdade.|HOW",
        "fr|Nous étions collègues chez Atos.|HOW",
        "de|Wir sind ehemalige Kollegen aus dem Vertrieb.|HOW",
        "de|Ihre Studienkollegin hat mir Ihren Namen gegeben.|HOW",
        "it|Abbiamo lavorato insieme per due anni.|HOW",
        "nl|Wij hebben samengewerkt bij ING.|HOW",
        "sv|Vi träffades på konferensen i Göteborg.|HOW",
        "da|Vi mødtes på konferencen i Aarhus.|HOW",
        "no|Vi traff hverandre på konferansen i Bergen.|HOW",
        "pl|Poznaliśmy się na konferencji w Gdańsku.|HOW",
        "cs|Potkali jsme se na konferenci v Brně.|HOW",
        "ru|Мы работали вместе в Яндексе.|HOW",
        "ru|Мы познакомились на конференции в Казани.|HOW",
        "uk|Ми познайомились на конференції у Львові.|HOW",
        "tr|Geçen yıl konferansta tanıştık.|HOW",
        "id|Kita pernah bertemu di seminar Jakarta.|HOW",
        "ms|Kita pernah berjumpa di seminar Kuala Lumpur.|HOW",
        "ro|Ne-am cunoscut la conferința din Cluj.|HOW",
        "ar|التقينا في مؤتمر دبي العام الماضي.|HOW",
        "ja|先月の勉強会でお会いしました。|HOW",
        "zh|我们在北京的大会上见过。|HOW",
        "ko|지난달 세미나에서 만났습니다.|HOW",
        "th|เราเจอกันที่งานสัมมนาที่กรุงเทพ|HOW",
        "de|Mein Name ist Jan und ich arbeite bei SAP.|WHO",
        "es|Me llamo Lucía y trabajo como ingeniera.|WHO",
        "fr|Je m'appelle Luc, je travaille chez Orange.|WHO",
        "pl|Nazywam się Anna i pracuję w Allegro.|WHO",
        "en|I'd love to pick your brain about DMARC.|WHY",
        "pt|Queria te perguntar sobre o projeto.|WHY",
        "en|Great profile! Let's connect.|FLATTERY",
        "es|Tu perfil es impresionante.|FLATTERY",
        "de|Wir helfen Unternehmen mit einer kostenlosen Beratung.|PITCH",
        "fr|Je souhaite vous présenter notre offre, sans engagement.|PITCH",
    })
    void noteShouldShowTheCueWhenItsLanguageInflectsOrFoldsTheWords(String language, String note, CueBook.Kind kind) {
        Map<CueBook.Kind, LanguageCues.Found> found = CUES.find(note, language);

        assertThat(found).as(note).containsKey(kind);
    }

    @Test
    void noteOfUnknownLanguageShouldStillFindTheCuesOfEveryLanguage() {
        Map<CueBook.Kind, LanguageCues.Found> found = CUES.find("Pracowaliśmy razem w Allegro.", null);

        assertThat(found).containsKey(CueBook.Kind.HOW);
        assertThat(found.get(CueBook.Kind.HOW).language()).isEqualTo("pl");
    }

    @Test
    void noteMistakenForAnotherLanguageShouldStillFindItsOwnCues() {
        Map<CueBook.Kind, LanguageCues.Found> found = CUES.find("Chúng ta đã gặp ở hội thảo năm ngoái.", "fr");

        assertThat(found).containsKey(CueBook.Kind.HOW);
    }

    @Test
    void vagueNoteShouldShowNoCueWhenItOnlyAsksToConnect() {
        assertThat(CUES.find("Hola, me gustaría agregarte a mi red.", "es")).doesNotContainKeys(CueBook.Kind.WHO, CueBook.Kind.HOW, CueBook.Kind.WHY);
    }

    @Test
    void cueFileShouldBeRejectedWhenItHasAnUnknownKey() {
        assertThatThrownBy(() -> LanguageCues.kinds("cues/xx.yaml", Map.of("whom", List.of("ich bin"))))
            .hasMessageContaining("cues/xx.yaml").hasMessageContaining("whom").hasMessageContaining("who, how, why");
    }
}
