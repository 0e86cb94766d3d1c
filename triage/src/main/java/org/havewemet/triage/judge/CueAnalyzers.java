package org.havewemet.triage.judge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.id.IndonesianStemFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.egothor.stemmer.Trie;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.CatalanStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.HungarianStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * The Lucene analysis of every language the note judge has cues for, built once: a cue written as words and the note
 * it looks for go through the same chain (tokenizer, lower case, the language's elision and normalization, ASCII
 * folding and a stemmer), so that "kennengelernt" finds "kennenlernen" and "reunión" finds "reunion". No stop words
 * are removed: "we met" must stay two words. CJK text becomes overlapping bigrams (no dictionary: Kuromoji and
 * friends would add megabytes for cues of two to five characters), Thai is cut by the JDK's dictionary break
 * iterator. Languages Lucene has no stemmer for keep a prefix (Ukrainian) or only fold (Hebrew, Vietnamese).
 *
 * <p>Thread-safe: a Lucene {@link Analyzer} keeps its token stream per thread.
 */
final class CueAnalyzers {
    /** The languages with analysis (ISO 639-1; "no" is Norwegian Bokmål). */
    static final List<String> LANGUAGES = List.of("en", "es", "pt", "fr", "de", "it", "nl", "sv", "da", "no", "pl", "cs",
        "ru", "uk", "tr", "id", "ms", "ar", "ja", "zh", "ko", "ro", "th", "fi", "el", "he", "hi", "hu", "ca", "vi");
    /** The analysis of a note whose language is unknown: words lower-cased and folded, CJK as bigrams, no stemming. */
    static final String NEUTRAL = "neutral";
    /** Articles and pronouns French, Italian and Catalan glue to the next word with an apostrophe ("m'appelle"). */
    private static final CharArraySet ELIDED = new CharArraySet(Arrays.asList("l", "m", "t", "qu", "n", "s", "j", "d",
        "c", "jusqu", "quoiqu", "lorsqu", "puisqu", "all", "dall", "dell", "nell", "sull", "coll", "un", "v", "gl"), true);
    /** Ukrainian has no stemmer in Lucene's common analysis: six letters keep the stem of most inflected forms. */
    private static final int UKRAINIAN_PREFIX = 6;

    private static final CueAnalyzers INSTANCE = new CueAnalyzers();

    private final Map<String, Analyzer> byLanguage;

    private CueAnalyzers() {
        byLanguage = Stream.concat(LANGUAGES.stream(), Stream.of(NEUTRAL))
            .collect(Collectors.toUnmodifiableMap(Function.identity(), CueAnalyzers::analyzer));
    }

    static CueAnalyzers get() {
        return INSTANCE;
    }

    boolean covers(String language) {
        return language != null && byLanguage.containsKey(language);
    }

    /** The analyzed tokens of text in the language, in order. */
    List<String> tokens(String language, String text) {
        Analyzer analyzer = byLanguage.get(language);
        if (analyzer == null) {
            throw new IllegalArgumentException("no analysis for language " + language);
        }
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("note", prepare(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of a string failed", e);
        }
        return out;
    }

    /** Typographic apostrophes as ASCII ones (the tokenizer keeps "I'm" whole either way); Russian ё as е. */
    static String prepare(String text) {
        return text.replace('\u2019', '\'').replace('\u02bc', '\'').replace('ё', 'е').replace('Ё', 'Е');
    }

    private static Analyzer analyzer(String language) {
        Trie polish = language.equals("pl") ? PolishAnalyzer.getDefaultTable() : null;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = language.equals("th") ? new ThaiTokenizer() : new StandardTokenizer();
                return new TokenStreamComponents(source, chain(language, source, polish));
            }
        };
    }

    private static TokenStream chain(String language, TokenStream source, Trie polish) {
        return switch (language) {
            case "en" -> stem(fold(lower(new EnglishPossessiveFilter(source))), new EnglishStemmer());
            case "es" -> stem(fold(lower(source)), new SpanishStemmer());
            case "pt" -> stem(fold(lower(source)), new PortugueseStemmer());
            case "fr" -> stem(fold(new ElisionFilter(lower(source), ELIDED)), new FrenchStemmer());
            case "it" -> stem(fold(new ElisionFilter(lower(source), ELIDED)), new ItalianStemmer());
            case "ca" -> stem(fold(new ElisionFilter(lower(source), ELIDED)), new CatalanStemmer());
            case "de" -> stem(fold(new GermanNormalizationFilter(lower(source))), new German2Stemmer());
            case "nl" -> stem(fold(lower(source)), new DutchStemmer());
            case "sv" -> stem(fold(lower(source)), new SwedishStemmer());
            case "da" -> stem(fold(lower(source)), new DanishStemmer());
            case "no" -> stem(fold(lower(source)), new NorwegianStemmer());
            case "fi" -> stem(fold(lower(source)), new FinnishStemmer());
            // Stemmed before folding: their stemmers need the diacritics that carry the endings.
            case "hu" -> fold(stem(lower(source), new HungarianStemmer()));
            case "ro" -> fold(stem(lower(source), new RomanianStemmer()));
            case "tr" -> fold(stem(new ApostropheFilter(new TurkishLowerCaseFilter(source)), new TurkishStemmer()));
            case "cs" -> fold(new CzechStemFilter(lower(source)));
            case "pl" -> fold(new StempelFilter(lower(source), new StempelStemmer(polish)));
            case "ru" -> stem(lower(source), new RussianStemmer());
            case "uk" -> new TruncateTokenFilter(lower(source), UKRAINIAN_PREFIX);
            case "id", "ms" -> new IndonesianStemFilter(fold(lower(source)));
            case "ar" -> new ArabicStemFilter(new ArabicNormalizationFilter(lower(source)));
            case "el" -> new GreekStemFilter(new GreekLowerCaseFilter(source));
            case "hi" -> new HindiStemFilter(new HindiNormalizationFilter(new IndicNormalizationFilter(lower(source))));
            case "ja", "zh", "ko" -> new CJKBigramFilter(lower(new CJKWidthFilter(source)));
            case NEUTRAL -> new CJKBigramFilter(fold(lower(new CJKWidthFilter(source))));
            default -> fold(lower(source));
        };
    }

    private static TokenStream lower(TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static TokenStream fold(TokenStream in) {
        return new ASCIIFoldingFilter(in);
    }

    private static TokenStream stem(TokenStream in, SnowballStemmer stemmer) {
        return new SnowballFilter(in, stemmer);
    }
}
