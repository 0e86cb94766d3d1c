package org.havewemet.reply;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.havewemet.triage.profile.Rx;

import com.google.re2j.Pattern;

/**
 * The phrase rules behind {@link AnswerClassifier}, in English, French, German and Spanish. Names are matched
 * case-sensitively (a capitalised word, up to three, with particles like "de", "van"); every other part
 * case-insensitively. Apostrophes are normalised to ' before matching. RE2/J: the rules were written for
 * java.util.regex with UNICODE_CHARACTER_CLASS, so {@link #unicode} spells out Unicode \w, \s and \b.
 */
final class AnswerPatterns {
    /** java.util.regex's \w with UNICODE_CHARACTER_CLASS (RE2/J's \w is ASCII-only). */
    private static final String WORD = "[\\p{L}\\p{Mn}\\p{Mc}\\p{Me}\\p{Nd}\\p{Pc}]";
    /** java.util.regex's \s with UNICODE_CHARACTER_CLASS, White_Space (RE2/J's \s is ASCII-only, without \x0B). */
    private static final String SPACE = "[\\s\\x0B\\x{85}\\p{Z}]";
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\x0B]+");
    private static final String NAME = "(?<name>\\p{Lu}[\\p{L}'-]+(?:\\s+(?:(?:de|da|van|von|del|la|le|di|der|den)"
            + "\\s+)?\\p{Lu}[\\p{L}'-]+){0,2})";
    /** An optional apposition between a name and its verb: "Maria Lopez, my former manager, suggested". */
    private static final String APPOSITION = "(?:\\s*,[^,.!?\\n]{1,40},)?";

    /** Someone named introduced, recommended or referred the inviter. Each has a group "name". */
    static final List<Pattern> MUTUAL = List.of(
            // English
            name("(?:has\\s+|had\\s+|kindly\\s+|actually\\s+|also\\s+)?(?:suggested|recommended|referred|introduced"
                    + "|told\\s+me|mentioned|pointed\\s+me|gave\\s+me|passed\\s+(?:on\\s+)?(?:me\\s+)?your"
                    + "|put\\s+(?:us|me)\\s+in\\s+touch|connected\\s+us|thought\\s+(?:we|i|you)"
                    + "|said\\s+(?:i|we|you)\\s+should|encouraged\\s+me|asked\\s+me\\s+to|speaks?\\s+(?:very\\s+)?highly)"),
            before("(?:referred|recommended|introduced|sent|pointed)\\s+(?:me\\s+|here\\s+)?(?:to\\s+you\\s+)?by"
                    + "|on\\s+(?:the\\s+)?recommendation\\s+of|at\\s+the\\s+suggestion\\s+of|on\\s+behalf\\s+of"
                    + "|(?:a\\s+)?(?:good\\s+|close\\s+|former\\s+)?(?:friend|colleague|classmate|teammate)\\s+of"
                    + "|(?:my|our)\\s+(?:mutual\\s+|common\\s+)?(?:friend|colleague|contact|acquaintance|manager|boss"
                    + "|mentor)|mutual\\s+(?:friend|colleague|contact|acquaintance|connection)|we\\s+both\\s+know"),
            // French
            name("(?:m'a|nous\\s+a|m'avait)\\s+(?:conseillé|recommandé|suggéré|parlé|présenté|donné|transmis"
                    + "|mis\\s+en\\s+(?:contact|relation)|dit)"),
            before("de\\s+la\\s+part\\s+de|recommandée?\\s+par|sur\\s+(?:les\\s+|la\\s+)?(?:conseils?|recommandation)"
                    + "\\s+de|(?:un|une)\\s+(?:ami|amie|collègue)\\s+de|(?:mon|ma|notre)\\s+(?:ami|amie|collègue"
                    + "|contact)(?:\\s+commune?)?|amie?s?\\s+en\\s+commune?|nous\\s+connaissons\\s+tous\\s+(?:les\\s+)?deux"),
            // German
            name("(?:hat\\s+(?:mir|uns|mich)|meinte|sagte\\s+mir|empfahl\\s+mir)"),
            before("auf\\s+empfehlung\\s+von|empfohlen\\s+von|(?:ein|eine)\\s+(?:freund|freundin|kollege|kollegin)"
                    + "\\s+von|(?:mein|meine|unser|unsere)\\s+(?:gemeinsame[rn]?\\s+)?(?:freund|freundin|kollege"
                    + "|kollegin|bekannte[r]?|kontakt)|wir\\s+kennen\\s+beide|im\\s+auftrag\\s+von"),
            // Spanish
            name("(?:me\\s+(?:recomendó|sugirió|dijo|habló|presentó|pasó|dio|recomendo|sugirio)|nos\\s+presentó)"),
            before("de\\s+parte\\s+de|recomendad[oa]\\s+por|por\\s+recomendación\\s+de|(?:un|una)\\s+(?:amig[oa]"
                    + "|colega)\\s+de|(?:mi|nuestr[oa])\\s+(?:amig[oa]|colega|contacto)(?:\\s+en\\s+común)?"
                    + "|amig[oa]s?\\s+en\\s+común|ambos\\s+conocemos\\s+a"));

    /** A shared event, group, interest, work or purpose is explained. */
    static final List<Pattern> SHARED = List.of(
            // English
            ci("\\bwe\\s+(?:both\\s+|all\\s+)?(?:were|are|was)\\s+(?:both\\s+|all\\s+)?(?:at|in|on|members?|part"
                    + "|attendees|speakers|students|colleagues|classmates)\\b"),
            ci("\\bwe\\s+(?:both\\s+)?(?:met|attended|spoke|talked|chatted|worked|studied|played|volunteered"
                    + "|collaborated)\\s+(?:at|in|on|together|during|last|briefly|with|for|through)\\b"),
            ci("\\bboth\\s+(?:at|attended|members?|in\\s+the|part\\s+of|went\\s+to|work(?:ed)?\\s+(?:at|on|in))\\b"),
            ci("\\b(?:saw|watched|heard|attended|enjoyed|liked|loved|read|follow(?:ed)?|use|used|using)\\s+your\\s+"
                    + "(?:\\w+\\s+)?(?:talk|presentation|keynote|session|workshop|article|post|blog|paper|book"
                    + "|podcast|video|project|library|repo|repository|course|tutorial|thesis|research|newsletter"
                    + "|comment|answer|crate|package|work|code)"),
            ci("\\bheard\\s+you\\s+(?:speak|present|talk)|\\byour\\s+(?:talk|presentation|keynote|session|workshop"
                    + "|paper|podcast|thesis|research)\\b"),
            ci("\\bi(?:'m|\\s+am|\\s+have\\s+been|'ve\\s+been)?\\s+(?:work|working|worked|studied|study|studying"
                    + "|teach|teaching|research|researching|contribute|contributing|maintain|maintaining|organi[sz]e"
                    + "|organi[sz]ing|run|running|lead|leading)\\s+(?:on|at|in|with|for|to|a|an|the)\\b"),
            ci("\\b(?:conference|summit|meetup|meet-up|hackathon|workshop|webinar|kubecon|fosdem|devoxx|pycon"
                    + "|jsconf|congress|trade\\s+show|expo|alumni|alumnus|alumna|classmates?|former\\s+colleagues?"
                    + "|ex-colleagues?|user\\s+group|(?:same|your|our|the)\\s+(?:\\w+\\s+)?(?:company|team|group"
                    + "|club|community|university|school|class|course|program|programme|slack|discord|forum"
                    + "|mailing\\s+list|association|board|committee))\\b"),
            ci("\\b(?:collaborat\\w*|partnership|hiring|recruit\\w*|(?:a|an|the)\\s+(?:\\w+\\s+)?(?:role|position|job"
                    + "|opening|vacancy|internship)|interview\\w*|invite\\s+you|speak\\s+at|contribut\\w+|investor"
                    + "|invest(?:ing)?\\s+in|funding|feedback\\s+on|advice\\s+(?:on|about)|question\\s+about"
                    + "|ask\\s+you\\s+about|your\\s+(?:expertise|experience)\\s+(?:in|with|on))\\b"),
            // French
            ci("\\bnous\\s+(?:étions|sommes)\\s+(?:tous\\s+(?:les\\s+)?deux\\s+)?(?:à|au|aux|dans|membres)\\b"
                    + "|\\bon\\s+s'est\\s+(?:rencontrée?s?|croisée?s?|vue?s?|parlé)|\\bnous\\s+nous\\s+sommes\\s+"
                    + "(?:rencontrée?s|croisée?s)"),
            ci("\\bj'ai\\s+(?:vu|lu|suivi|apprécié|aimé|assisté\\s+à)\\s+(?:votre|ta|ton|vos|tes)\\b|\\b(?:votre|ta"
                    + "|ton)\\s+(?:conférence|présentation|intervention|article|atelier|projet|livre|thèse|podcast)\\b"),
            ci("\\bje\\s+(?:travaille|suis\\s+en\\s+train\\s+de\\s+travailler|bosse|étudie|contribue)\\s+(?:sur|chez|à"
                    + "|dans|pour|avec)\\b|\\b(?:conférence|salon|colloque|séminaire|anciens?\\s+élèves|même\\s+"
                    + "(?:entreprise|équipe|groupe|école|université|promo|communauté|projet))\\b"
                    + "|\\b(?:collaborer|collaboration|recrut\\w*|un\\s+poste|une\\s+offre|partenariat)\\b"),
            // German
            ci("\\bwir\\s+(?:waren|sind)\\s+(?:beide\\s+)?(?:auf|in|bei|im|am|mitglieder)\\b|\\bwir\\s+haben\\s+uns\\s+"
                    + "(?:\\w+\\s+){0,3}(?:kennengelernt|getroffen|gesehen|unterhalten)"),
            ci("\\bich\\s+habe\\s+(?:deinen|ihren|dein|ihr|deine|ihre)\\s+(?:\\w+\\s+)?(?:vortrag|artikel|beitrag|talk"
                    + "|präsentation|workshop|projekt|buch|podcast)|\\b(?:dein|ihr|deinen|ihren)\\s+(?:vortrag|talk"
                    + "|artikel|beitrag|präsentation)\\b"),
            ci("\\bich\\s+(?:arbeite|forsche|studiere|entwickle)\\s+(?:an|bei|im|in|für|mit|als|auf)\\b|\\b(?:konferenz"
                    + "|tagung|messe|kongress|ehemalige[rn]?\\s+kolleg\\w*|(?:gleiche[rn]?|selbe[rn]?)\\s+(?:firma|team"
                    + "|gruppe|uni|universität|hochschule|projekt))\\b|\\b(?:zusammenarbeit|zusammenarbeiten|kooperation"
                    + "|(?:eine|offene)\\s+stelle)\\b"),
            // Spanish
            ci("\\b(?:estuvimos|estamos|coincidimos)\\s+(?:ambos\\s+|los\\s+dos\\s+)?(?:en|juntos)\\b|\\bnos\\s+"
                    + "conocimos\\s+(?:en|durante|el|la)\\b"),
            ci("\\b(?:vi|leí|escuché|seguí|disfruté)\\s+(?:tu|su|tus|sus)\\s+(?:\\w+\\s+)?(?:charla|presentación"
                    + "|ponencia|artículo|post|proyecto|libro|taller|podcast)|\\b(?:tu|su)\\s+(?:charla|ponencia"
                    + "|presentación|artículo|taller)\\b"),
            ci("\\b(?:trabajo|estoy\\s+trabajando|investigo|estudio|colaboro)\\s+(?:en|con|para|sobre)\\b|\\b(?:congreso"
                    + "|jornadas|exalumn\\w*|antiguos?\\s+compañer\\w*|mism[oa]\\s+(?:empresa|equipo|grupo"
                    + "|universidad|comunidad|proyecto))\\b|\\b(?:colaborar|colaboración|un\\s+puesto|una\\s+vacante"
                    + "|reclut\\w*)\\b"));

    /** A negation earlier in the same clause cancels a shared-context hit ("we have never met at a conference"). */
    static final Pattern NEGATION = ci("\\b(?:not|never|no|n't|haven't|didn't|don't|wasn't|weren't|ne|pas|jamais"
            + "|nicht|nie|kein\\w*|nunca|tampoco)\\b|n't\\b");
    /** Clause boundaries for the negation check. */
    static final Pattern CLAUSE = ci("[.!?;:\\n,]+|\\s(?:but|mais|aber|pero|sino|though|however)\\s");

    /** Capitalised words that are not people: pronouns, determiners, role nouns, platforms, greetings. */
    static final Set<String> NOT_A_NAME = Set.of("he", "she", "they", "someone", "somebody", "nobody", "everyone",
            "i", "we", "you", "your", "my", "our", "his", "her", "their", "the", "a", "an", "this", "that", "it",
            "il", "elle", "ils", "elles", "on", "quelqu'un", "personne", "er", "sie", "es", "jemand", "niemand", "der",
            "die", "das", "ein", "eine", "mein", "meine", "unser", "unsere", "él", "ella", "alguien", "nadie", "el",
            "la", "los", "las", "un", "una", "mi", "nuestro", "nuestra", "friend", "colleague", "manager", "boss",
            "recruiter", "team", "people", "freund", "freundin", "kollege", "kollegin", "chef", "ami", "amie",
            "collègue", "amigo", "amiga", "colega", "linkedin", "facebook", "twitter", "google", "github", "gitlab",
            "xing", "meetup", "slack", "discord", "instagram", "algorithm", "no", "yes", "hi", "hello", "hey",
            "thanks", "thank", "sorry", "but", "so", "and", "also", "actually", "oui", "non", "ja", "nein", "sí",
            "hola", "bonjour", "hallo", "merci", "danke", "gracias");

    private AnswerPatterns() {
    }

    static boolean isName(String candidate) {
        for (String token : WHITESPACE.split(candidate)) {
            String t = token.toLowerCase(Locale.ROOT);
            t = t.endsWith("'s") ? t.substring(0, t.length() - 2) : t;
            if (t.length() > 1 && !NOT_A_NAME.contains(t) && !Set.of("de", "da", "van", "von", "del", "le", "di",
                    "der", "den").contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The phrase a match found, without what RE2/J's stand-ins for lookbehind and {@code \\b} consume: the character
     * before it (every rule starts with a letter) and, for rules that end in {@code \\b} (the shared-context ones),
     * the non-word character after it.
     */
    static String evidence(String match, boolean endsInBoundary) {
        int from = 0;
        int to = match.length();
        while (from < to && !Character.isLetter(match.charAt(from))) {
            from++;
        }
        while (to > from && (endsInBoundary ? !isWordChar(match.charAt(to - 1))
                : Character.isWhitespace(match.charAt(to - 1)))) {
            to--;
        }
        return match.substring(from, to);
    }

    private static boolean isWordChar(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || c == '_' || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /**
     * A name not glued to a letter before it. RE2/J has no lookbehind, so "(?&lt;![\\p{L}])" became "start or a
     * non-letter", which the match then includes (the group "name" does not); {@link #evidence} drops it.
     */
    private static Pattern name(String verbs) {
        return Pattern.compile(unicode("(?:^|[^\\p{L}])" + NAME + APPOSITION + "\\s+(?i:" + verbs + ")"));
    }

    private static Pattern before(String words) {
        return Pattern.compile(unicode("(?i:\\b(?:" + words + "))\\s*,?\\s+" + NAME));
    }

    private static Pattern ci(String regex) {
        return Pattern.compile(unicode(regex), Pattern.CASE_INSENSITIVE);
    }

    /** Unicode \b, \w and \s, as java.util.regex's UNICODE_CHARACTER_CLASS had them. */
    private static String unicode(String regex) {
        return Rx.alwaysUnicodeBoundaries(regex).replace("\\w", WORD).replace("\\s", SPACE);
    }
}
