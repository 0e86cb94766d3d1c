package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.havewemet.triage.profile.TextFolding;

/**
 * The cues of one language, analyzed: each cue is a sequence of terms that must follow each other in the analyzed
 * note. A cue is written as words; in a word, '*' at the end or start matches any ending or beginning (German
 * compounds: "*kolleg*"), "_" stands for any one word and "~" for up to {@value #MAX_GAP} words ("i'm ~ at").
 * Such words are folded, not stemmed. Looking a note up costs one hash probe per note token plus the few cues that
 * start with a pattern.
 */
final class CueBook {
    /** What a cue says about the note. */
    enum Kind { WHO, HOW, WHY, PITCH, FLATTERY, COLLABORATION }

    private static final int MAX_GAP = 4;

    /** One term of a cue: an analyzed word, a pattern on a word, or a gap. */
    private record Term(String text, char mode) {
        static final char EXACT = '=';
        static final char PREFIX = '>';
        static final char SUFFIX = '<';
        static final char CONTAINS = '~';
        static final char ANY = '_';
        static final char GAP = '.';

        boolean accepts(String token) {
            return switch (mode) {
                case EXACT -> token.equals(text);
                case PREFIX -> token.startsWith(text);
                case SUFFIX -> token.endsWith(text);
                case CONTAINS -> token.contains(text);
                default -> true;
            };
        }
    }

    /** A cue of one kind: its terms, its language and the words it was written as (named in the reasons). */
    record Cue(Kind kind, List<Term> terms, String language, String written) {
    }

    private final String language;
    private final Map<String, List<Cue>> byFirstTerm = new HashMap<>();
    private final List<Cue> patternFirst = new ArrayList<>();

    private final CueAnalyzers analyzers;

    /** An empty book whose cues are analyzed as the language (or {@link CueAnalyzers#NEUTRAL}) analyzes them. */
    CueBook(String language, CueAnalyzers analyzers) {
        this.language = language;
        this.analyzers = analyzers;
    }

    /** Adds the cues of a language, written as words. */
    CueBook add(String origin, Map<Kind, List<String>> cues) {
        cues.forEach((kind, list) -> list.forEach(written -> add(new Cue(kind, terms(written), origin, written))));
        return this;
    }

    private void add(Cue cue) {
        Term first = cue.terms().get(0);
        if (first.mode() == Term.EXACT) {
            byFirstTerm.computeIfAbsent(first.text(), k -> new ArrayList<>()).add(cue);
        } else {
            patternFirst.add(cue);
        }
    }

    private List<Term> terms(String written) {
        List<Term> terms = new ArrayList<>();
        boolean patterned = written.indexOf('*') >= 0 || written.indexOf('_') >= 0 || written.indexOf('~') >= 0;
        if (!patterned) {
            analyzers.tokens(language, written).forEach(t -> terms.add(new Term(t, Term.EXACT)));
        } else {
            for (String word : words(written)) {
                terms.addAll(term(word));
            }
        }
        if (terms.isEmpty() || terms.get(0).mode() == Term.GAP) {
            throw new IllegalArgumentException("judge cue " + language + " '" + written
                + "': expected words that the " + language + " analysis keeps, found none");
        }
        return List.copyOf(terms);
    }

    private List<Term> term(String word) {
        if (word.equals("_")) {
            return List.of(new Term("", Term.ANY));
        }
        if (word.equals("~")) {
            return List.of(new Term("", Term.GAP));
        }
        boolean head = word.startsWith("*");
        boolean tail = word.endsWith("*") && word.length() > 1;
        if (!head && !tail) {
            return analyzers.tokens(language, word).stream().map(t -> new Term(t, Term.EXACT)).toList();
        }
        String core = TextFolding.foldAccents(CueAnalyzers.prepare(word.substring(head ? 1 : 0, word.length() - (tail ? 1 : 0))))
            .toLowerCase(Locale.ROOT);
        char mode = head && tail ? Term.CONTAINS : head ? Term.SUFFIX : Term.PREFIX;
        return List.of(new Term(core, mode));
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == ' ') {
                if (i > start) {
                    out.add(s.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** For each kind, the first cue found in the analyzed note (in the order of the note). */
    Map<Kind, Cue> find(List<String> tokens) {
        Map<Kind, Cue> found = new EnumMap<>(Kind.class);
        for (int i = 0; i < tokens.size(); i++) {
            List<Cue> candidates = byFirstTerm.get(tokens.get(i));
            if (candidates != null) {
                check(candidates, tokens, i, found);
            }
            check(patternFirst, tokens, i, found);
        }
        return found;
    }

    private static void check(List<Cue> candidates, List<String> tokens, int at, Map<Kind, Cue> found) {
        for (Cue cue : candidates) {
            if (!found.containsKey(cue.kind()) && matches(cue.terms(), 0, tokens, at)) {
                found.put(cue.kind(), cue);
            }
        }
    }

    private static boolean matches(List<Term> terms, int t, List<String> tokens, int at) {
        if (t == terms.size()) {
            return true;
        }
        Term term = terms.get(t);
        if (term.mode() == Term.GAP) {
            for (int skip = 0; skip <= MAX_GAP && at + skip <= tokens.size(); skip++) {
                if (matches(terms, t + 1, tokens, at + skip)) {
                    return true;
                }
            }
            return false;
        }
        return at < tokens.size() && term.accepts(tokens.get(at)) && matches(terms, t + 1, tokens, at + 1);
    }
}
