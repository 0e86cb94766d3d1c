package org.havewemet.triage.judge;

import java.util.Set;

import org.havewemet.triage.profile.TextFolding;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Names that make a note concrete whatever its language, found by their shape: a person named with an honorific that
 * follows the name (Japanese さん / 様 / 先生, Korean 님 / 씨, Chinese 先生 / 女士 / 老师), a date written in digits
 * (3月, 5월, 12/03/2024, 12.03.), an event named by an acronym or a conference-style name and a year ("FOSDEM
 * 2024", "KubeCon"), a place: a capitalized word after a short preposition of place ("in Berlin", "à Lyon",
 * "w Krakowie", "в Москве"), never a platform's name ("on LinkedIn").
 */
final class NamedThings {
    private static final Pattern HONORIFIC = Pattern.compile(
        "([\\p{Han}]{1,4}|[\\p{Katakana}ー]{2,10})(さん|様|さま|先生|氏|くん|女士|老师|老師|经理|經理)|([\\p{Hangul}]{2,4}) ?(님|씨)");
    /** Korean nouns that take 님 without naming anyone ("customer", "everyone", "teacher" as a greeting). */
    private static final Set<String> KOREAN_NOT_NAMES = Set.of("고객", "회원", "선생", "여러분", "사장", "대표", "팀장", "부장", "과장");
    private static final Pattern DIGIT_DATE = Pattern.compile(
        "(?:^|[^0-9])(?:[0-9]{1,2}(?:月|월)|[0-9]{1,2}日|[0-9]{1,2}[/.][0-9]{1,2}[/.](?:[0-9]{2,4})?|[0-9]{4}-[0-9]{2}-[0-9]{2})");
    private static final Pattern EVENT_NAME = Pattern.compile(
        "(?:^|[^\\p{L}])(?:\\p{Lu}{3,}[ -]?(?:19|20)[0-9]{2}|\\p{Lu}\\p{Ll}+(?:Con|Conf|Camp|Days|Summit|Fest)(?:[^\\p{L}]|$))");
    private static final Pattern PLACE = Pattern.compile(
        "(?:^|[^\\p{L}])(?:in|im|at|à|au|en|em|na|no|w|we|в|во|di|ke|i|på|op|te|aus|dans|bei|nach|из) (\\p{Lu}\\p{Ll}[\\p{L}]+)");
    /** Acronyms that are titles or jargon, not events. */
    private static final Set<String> NOT_EVENTS = Set.of("CEO", "CTO", "CFO", "COO", "CIO", "SEO", "ROI", "SAAS", "HR");
    /** Words a capital letter does not make a place: platforms and the days and months some languages capitalize. */
    private static final Set<String> NOT_PLACES = Set.of("linkedin", "xing", "facebook", "twitter", "github", "gitlab",
        "slack", "viadeo", "instagram", "whatsapp", "telegram", "discord", "google", "zoom", "teams", "meetup", "the",
        "your", "my", "our", "ihrem", "ihrer", "ihren", "ihr", "deinem", "meinem", "vk", "wechat", "line");

    private NamedThings() {
    }

    /** A person named with a following honorific who is not the person greeted at the start of the note. */
    static boolean namesPersonByHonorific(String note) {
        Matcher m = HONORIFIC.matcher(note);
        while (m.find()) {
            if (greets(note, m.end())) {
                continue;
            }
            String korean = m.group(3);
            if (korean != null && KOREAN_NOT_NAMES.contains(korean)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /** "田中さん、" or "김민수님," at the start of a line is the recipient being greeted. */
    private static boolean greets(String note, int end) {
        int lineStart = note.lastIndexOf('\n', end - 1) + 1;
        int lineEnd = note.indexOf('\n', end);
        String rest = note.substring(end, lineEnd < 0 ? note.length() : lineEnd).strip();
        return end - lineStart <= 12 && (rest.isEmpty() || "、，,:：!！".indexOf(rest.charAt(0)) >= 0);
    }

    static boolean namesDigitDate(String note) {
        return DIGIT_DATE.matcher(note).find();
    }

    static boolean namesEvent(String note) {
        Matcher m = EVENT_NAME.matcher(note);
        while (m.find()) {
            String found = m.group().strip();
            int letters = 0;
            while (letters < found.length() && Character.isLetter(found.charAt(letters))) {
                letters++;
            }
            if (!NOT_EVENTS.contains(found.substring(0, letters))) {
                return true;
            }
        }
        return false;
    }

    static boolean namesPlace(String note) {
        Matcher m = PLACE.matcher(note);
        while (m.find()) {
            if (!NOT_PLACES.contains(TextFolding.words(m.group(1)))) {
                return true;
            }
        }
        return false;
    }
}
