package org.havewemet.triage.judge;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;

/** A small stop-word language guesser: good enough to label short notes; returns null when unsure. */
public final class LanguageGuesser {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}']+");
    private static final Map<String, Set<String>> STOP_WORDS = new LinkedHashMap<>();

    static {
        STOP_WORDS.put("en", Set.of("the", "and", "to", "you", "i", "my", "your", "on", "with", "of", "like", "would", "we", "is", "in", "at", "for", "network", "add", "me"));
        STOP_WORDS.put("es", Set.of("el", "la", "de", "que", "y", "en", "mi", "tu", "con", "me", "gustaría", "añadirte", "red", "por", "para", "los", "las", "una", "contigo"));
        STOP_WORDS.put("fr", Set.of("le", "la", "les", "de", "et", "je", "vous", "mon", "votre", "à", "sur", "réseau", "avec", "pour", "des", "une", "est", "j'aimerais"));
        STOP_WORDS.put("de", Set.of("der", "die", "das", "und", "ich", "sie", "mit", "zu", "meinem", "ihnen", "auf", "bei", "möchte", "nicht", "ein", "eine", "netzwerk", "gerne"));
        STOP_WORDS.put("pt", Set.of("o", "a", "de", "que", "e", "eu", "você", "minha", "rede", "no", "na", "com", "gostaria", "para", "uma", "um", "não", "se"));
        STOP_WORDS.put("it", Set.of("il", "la", "di", "che", "e", "mi", "ti", "vorrei", "alla", "mia", "rete", "su", "con", "per", "una", "sono", "non", "della"));
        STOP_WORDS.put("nl", Set.of("de", "het", "een", "en", "ik", "je", "u", "mijn", "netwerk", "op", "met", "graag", "wil", "van", "aan", "niet", "dat"));
        STOP_WORDS.put("id", Set.of("saya", "anda", "ingin", "ke", "di", "dengan", "dan", "yang", "jaringan", "untuk", "ini", "itu", "terhubung", "menambahkan"));
        STOP_WORDS.put("pl", Set.of("i", "w", "na", "się", "z", "do", "nie", "mojej", "sieci", "cię", "chciałbym", "chciałabym", "jest", "że", "twojej"));
        STOP_WORDS.put("tr", Set.of("ve", "bir", "bu", "ile", "sizi", "istiyorum", "ağıma", "için", "de", "da", "ben", "sizinle"));
        STOP_WORDS.put("sv", Set.of("och", "att", "jag", "dig", "i", "mitt", "på", "till", "med", "vill", "gärna", "nätverk", "det", "är", "som"));
    }

    private LanguageGuesser() {
    }

    public static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int kana = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeBlock b = Character.UnicodeBlock.of(text.charAt(i));
            if (b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA) {
                kana++;
            }
        }
        if (kana >= 2) {
            return "ja";
        }
        String[] words = NON_WORD.split(text.toLowerCase(Locale.ROOT));
        String best = null;
        int bestScore = 0;
        for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
            int score = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    score++;
                }
            }
            if (score > bestScore) {
                best = e.getKey();
                bestScore = score;
            }
        }
        return bestScore >= 1 ? best : null;
    }
}
