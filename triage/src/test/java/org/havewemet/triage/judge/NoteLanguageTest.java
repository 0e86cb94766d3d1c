package org.havewemet.triage.judge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NoteLanguageTest {
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
        "Wir haben uns letzte Woche auf der Konferenz in Berlin kennengelernt.|de",
        "Nous nous sommes rencontrés au salon de Lyon en mars dernier.|fr",
        "Nos conocimos en la charla de Madrid, ¿te acuerdas?|es",
        "A gente se conheceu no jantar dos palestrantes em São Paulo.|pt",
        "Ci siamo conosciuti al convegno di Bologna l'anno scorso.|it",
        "We hebben elkaar vorige maand op de meetup in Utrecht ontmoet.|nl",
        "Poznaliśmy się na konferencji w Krakowie w zeszłym roku.|pl",
        "Geçen ay İstanbul'daki konferansta tanışmıştık.|tr",
        "Мы познакомились на конференции в Москве в прошлом году.|ru",
        "先日のセミナーでお会いしました。よろしくお願いします。|ja",
        "去年在深圳的大会上听了您的分享。|zh",
        "작년 컨퍼런스에서 만났던 김민수입니다.|ko",
        "التقينا في مؤتمر الرياض في شهر فبراير.|ar",
        "Γνωριστήκαμε στο συνέδριο της Αθήνας πέρσι.|el",
        "Saya Dewi dari tim infrastruktur, kita bertemu di seminar minggu lalu.|id"})
    void noteLanguageShouldBeNamedWhenTheNoteIsWrittenInOneOfThePlatformsLanguages(String note, String language) {
        assertThat(NoteLanguage.detector().guess(note)).isEqualTo(language);
    }

    @ParameterizedTest
    @CsvSource({"12345", "https://example.com/x", "'👍 🙂'"})
    void noteLanguageShouldBeNullWhenTheTextHasNoWordsToTell(String text) {
        assertThat(NoteLanguage.detector().guess(text)).isNull();
    }
}
