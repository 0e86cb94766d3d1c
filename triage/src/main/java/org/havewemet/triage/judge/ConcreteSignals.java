package org.havewemet.triage.judge;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.havewemet.triage.Reason;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.TextFolding;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * What makes a note concrete in any language, without knowing the language: a named date (a month, a year, a date in
 * digits), a named gathering (conference, meetup, dinner, "FOSDEM 2024"), a named third party (a person with a title
 * before or an honorific after the name, or two capitalized words that are neither the inviter's nor the
 * recipient's name), a named place, a concrete question that is not about connecting (see {@link NamedThings}).
 */
final class ConcreteSignals {
    private static final Pattern YEAR = Pattern.compile("(?:^|[^0-9])(?:19[5-9][0-9]|20[0-4][0-9])(?:[^0-9]|$)");
    private static final Pattern SPACE = Pattern.compile(" ");
    private static final Pattern CAPITALIZED_PAIR = Pattern.compile("(\\p{Lu}[\\p{Ll}\\p{Lu}]+)[ -](\\p{Lu}[\\p{Ll}]+)");
    private static final Pattern CONNECTING = Pattern.compile(" (connect|network|netzwerk|vernetz|conect|red|reseau|rete|contact|kontakt"
        + "|contatto|contato|in touch|linkedin|add you|aggiunger|agregar|anadir|hinzufug|ajouter|adicionar|toevoegen"
        + "|accept\\S*|akzept\\S*|acept\\S*|aceit\\S*|accett\\S*|godta|kabul|terima|invit\\S*|einladung|uitnodiging|convite) "
        + "|つなが|繋が|申請|承認|参加|ネットワーク|连接|連接|联系|聯繫|人脉|人脈|网络|網絡|인맥|연결|일촌|네트워크|linkedin");
    private static final int MIN_QUESTION_WORDS = 4;
    private static final int MIN_QUESTION_CHARS_UNSPACED = 12;

    private final CompiledGeneric generic;

    ConcreteSignals(CompiledGeneric generic) {
        this.generic = generic;
    }

    double score(String note, String folded, NoteJudge.Signals signals, List<Reason> reasons) {
        double score = 0;
        if (generic.month.matcher(folded).find() || YEAR.matcher(note).find() || NamedThings.namesDigitDate(note)) {
            reasons.add(new Reason("NAMES_A_DATE", 0.5, "the note names a month or a year"));
            score += 0.5;
        }
        if (generic.gathering.matcher(folded).find() || NamedThings.namesEvent(note)) {
            reasons.add(new Reason("NAMES_AN_EVENT", 0.75, "the note names a conference, meetup or dinner"));
            score += 0.75;
        }
        if (namesThirdParty(note, signals)) {
            reasons.add(new Reason("NAMES_A_THIRD_PARTY", 0.75, "the note names a person, place or organisation"));
            score += 0.75;
        }
        if (NamedThings.namesPlace(note)) {
            reasons.add(new Reason("NAMES_A_PLACE", 0.5, "the note names a place"));
            score += 0.5;
        }
        if (asksSomethingConcrete(note)) {
            reasons.add(new Reason("CONCRETE_ASK", 1.0, "the note asks a concrete question"));
            score += 1.0;
        }
        return score;
    }

    private boolean namesThirdParty(String note, NoteJudge.Signals signals) {
        if (generic.titledName.matcher(note).find() || NamedThings.namesPersonByHonorific(note)) {
            return true;
        }
        Set<String> own = new HashSet<>();
        if (signals != null) {
            addWords(own, signals.inviterName());
            addWords(own, signals.recipientName());
        }
        Matcher m = CAPITALIZED_PAIR.matcher(note);
        while (m.find()) {
            String a = m.group(1).toLowerCase(Locale.ROOT);
            String b = m.group(2).toLowerCase(Locale.ROOT);
            if (!own.contains(TextFolding.words(a)) && !own.contains(TextFolding.words(b)) && !atSentenceStart(note, m.start())) {
                return true;
            }
        }
        return false;
    }

    /** A Japanese question ends in か before a full stop or the end of the line ("いただけますか。"). */
    private static boolean endsSentence(String note, int after) {
        return after >= note.length() || "。\n．".indexOf(note.charAt(after)) >= 0;
    }

    private static boolean atSentenceStart(String note, int at) {
        int i = at - 1;
        while (i >= 0 && note.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".!?\n:".indexOf(note.charAt(i)) >= 0;
    }

    private static void addWords(Set<String> set, String name) {
        if (name == null) {
            return;
        }
        for (String w : SPACE.split(TextFolding.words(name))) {
            if (!w.isEmpty()) {
                set.add(w);
            }
        }
    }

    private static boolean asksSomethingConcrete(String note) {
        int start = 0;
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c == '.' || c == '!' || c == '\n' || c == '。' || c == '！') {
                start = i + 1;
            } else if (c == '?' || c == '？' || c == '؟' || c == '吗' || c == '嗎' || (c == 'か' && endsSentence(note, i + 1))) {
                String question = note.substring(start, i);
                String folded = " " + TextFolding.words(question) + " ";
                int words = folded.isBlank() ? 0 : SPACE.split(folded.strip()).length;
                boolean substantial = words >= MIN_QUESTION_WORDS || (words < 3 && question.strip().length() >= MIN_QUESTION_CHARS_UNSPACED);
                if (substantial && !CONNECTING.matcher(folded).find()) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
