package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.Reason;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.TextFolding;

/**
 * Decides whether the inviter's own words explain the request. Default sentences (any language, any era) and
 * contentless phrases are removed first; what remains must say who the inviter is, how they know the recipient or
 * why they want to connect. A sales pitch is not an explanation.
 */
public final class NoteJudge {
    /** The judgement: personal or not, its score and the reasons, plus the note's language. */
    public record Judgement(boolean personal, double score, String language, List<Reason> reasons) {
    }

    /**
     * Profile facts that weigh a little on the judgement: the card's counts and headline, the two names, the
     * inviter's company from the card and the recipient's address (whose domain names the recipient's organisation).
     */
    public record Signals(Integer mutualConnections, Integer connections, String headline, boolean headlineExpected,
                          String inviterName, String recipientName, String inviterCompany, String recipientAddress) {
        public Signals(Integer mutualConnections, Integer connections, String headline, boolean headlineExpected) {
            this(mutualConnections, connections, headline, headlineExpected, null, null);
        }

        public Signals(Integer mutualConnections, Integer connections, String headline, boolean headlineExpected,
                       String inviterName, String recipientName) {
            this(mutualConnections, connections, headline, headlineExpected, inviterName, recipientName, null, null);
        }
    }

    private final JudgeSettings settings;
    /** About two words' worth of an unspaced script. */
    private static final int MIN_UNSPACED_LETTERS = 6;
    private static final int MAX_CARD_COUNT_WORDS = 4;

    private final ConcreteSignals concrete;
    private final CardSignals card;
    private final LanguageCues cues = LanguageCues.get();

    public NoteJudge(CompiledGeneric generic, JudgeSettings settings) {
        this.settings = settings;
        this.concrete = new ConcreteSignals(generic);
        this.card = new CardSignals(generic.freeMailDomains);
    }

    public Judgement judge(String note, DefaultNotes defaults, Signals signals) {
        List<Reason> reasons = new ArrayList<>();
        if (note == null || note.isBlank()) {
            reasons.add(new Reason("NO_NOTE", 1.0, "the notice carries no words of the inviter"));
            addSignals(signals, reasons);
            return new Judgement(false, 0, null, reasons);
        }
        String text = note.length() > settings.maxNoteChars() ? note.substring(0, settings.maxNoteChars()) : note;
        StringBuilder rest = new StringBuilder();
        String defaultLanguage = null;
        int defaultCount = 0;
        for (String sentence : Sentences.split(text)) {
            if (isCardCount(sentence)) {
                continue;
            }
            Optional<DefaultNotes.Known> known = defaults.match(sentence, settings.defaultNoteTolerance());
            if (known.isPresent()) {
                if (!known.get().contentless()) {
                    defaultCount++;
                    defaultLanguage = defaultLanguage == null ? known.get().language() : defaultLanguage;
                }
            } else {
                rest.append(sentence).append('\n');
            }
        }
        String language = defaultLanguage != null ? defaultLanguage : NoteLanguage.detector().guess(text);
        if (defaultLanguage != null) {
            language = defaultLanguage;
        }
        String remaining = rest.toString().strip();
        if (defaultCount > 0) {
            reasons.add(new Reason("DEFAULT_NOTE", 1.0, "the platform's default sentence" + (defaultLanguage == null ? "" : " (" + defaultLanguage + ")")));
        }
        if (remaining.isEmpty() || !saysSomething(remaining)) {
            if (defaultCount == 0) {
                reasons.add(new Reason("CONTENTLESS_NOTE", 1.0, "the note only greets or asks to connect"));
            }
            addSignals(signals, reasons);
            return new Judgement(false, 0, language, reasons);
        }
        double score = 0;
        String folded = " " + TextFolding.words(remaining) + " ";
        // The note's own language decides which cues are looked up first; a default sentence may have set the
        // language of the whole text while the inviter wrote the rest in another.
        String cueLanguage = defaultLanguage == null ? language : NoteLanguage.detector().guess(remaining);
        Map<CueBook.Kind, LanguageCues.Found> found = cues.find(remaining, cueLanguage);
        score += cue(found, CueBook.Kind.WHO, "SAYS_WHO", 1.5, "the inviter says who they are", reasons);
        score += cue(found, CueBook.Kind.HOW, "SAYS_HOW", 2.0, "the inviter says how they know the recipient", reasons);
        score += cue(found, CueBook.Kind.WHY, "SAYS_WHY", 1.5, "the inviter says why they want to connect", reasons);
        score += concrete.score(remaining, folded, signals, reasons);
        score += card.score(remaining, signals, reasons);
        score += cue(found, CueBook.Kind.COLLABORATION, "POSSIBLE_COLLABORATION", 0.5, "the note mentions working together", reasons);
        score += cue(found, CueBook.Kind.PITCH, "SALES_PITCH", -3.0, "the note is a sales pitch, not an explanation", reasons);
        score += cue(found, CueBook.Kind.FLATTERY, "FLATTERY", -2.0, "praise of the profile is not an explanation", reasons);
        score += addSignals(signals, reasons);
        boolean personal = score >= settings.personalThreshold();
        if (!personal) {
            reasons.add(new Reason("NO_EXPLANATION", 1.0, "the note does not say who, how or why"));
        }
        return new Judgement(personal, score, language, reasons);
    }

    private static double cue(Map<CueBook.Kind, LanguageCues.Found> found, CueBook.Kind kind, String code, double weight,
                              String detail, List<Reason> reasons) {
        LanguageCues.Found f = found.get(kind);
        if (f == null) {
            return 0;
        }
        reasons.add(new Reason(code, weight, detail + " (" + f.language() + ": \"" + f.written() + "\")"));
        return weight;
    }

    /**
     * A card's count line left in the note ("12 amigos en común", "27 ortak arkadaş", "500+ connections"): a number
     * and at most {@value #MAX_CARD_COUNT_WORDS} words. Its words are the platform's, and "friends in common" would
     * read as a how-we-know cue in any language.
     */
    static boolean isCardCount(String sentence) {
        String s = sentence.strip();
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == ',')) {
            i++;
        }
        if (i == 0 || i == s.length()) {
            return false;
        }
        if (s.charAt(i) == '+') {
            i++;
        }
        if (i == s.length() || !Character.isWhitespace(s.charAt(i))) {
            return false;
        }
        return TextFolding.wordCount(s.substring(i)) <= MAX_CARD_COUNT_WORDS;
    }

    /**
     * Two words or more; scripts written without spaces (Chinese, Japanese, Thai) count their letters instead, or
     * every note of theirs would be one word and contentless.
     */
    static boolean saysSomething(String text) {
        if (TextFolding.wordCount(text) >= 2) {
            return true;
        }
        int unspaced = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI) {
                unspaced++;
            }
        }
        return unspaced >= MIN_UNSPACED_LETTERS;
    }

    private double addSignals(Signals s, List<Reason> reasons) {
        if (s == null) {
            return 0;
        }
        double score = 0;
        if (s.mutualConnections() != null && s.mutualConnections() < settings.fewMutualConnections()) {
            reasons.add(new Reason("FEW_MUTUAL_CONNECTIONS", -0.25, s.mutualConnections() + " mutual connections"));
            score -= 0.25;
        }
        if (s.connections() != null && s.connections() >= settings.manyConnections()) {
            reasons.add(new Reason("MANY_CONNECTIONS", -0.25, s.connections() + "+ connections"));
            score -= 0.25;
        }
        if (s.headlineExpected() && (s.headline() == null || s.headline().isBlank())) {
            reasons.add(new Reason("EMPTY_PROFILE", -0.25, "no headline shown"));
            score -= 0.25;
        }
        return score;
    }
}
