package org.havewemet.triage.judge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Who / how / why cues (and pitch, flattery, collaboration) of every language, one resource file per language
 * (org/havewemet/triage/judge/cues/xx.yaml), analyzed once at load: with that language's analysis (stemmed) and
 * with the neutral one (folded words) into one index of every language's cues.
 */
final class LanguageCues {
    /** A cue found in a note: its kind, the language whose cue it is, and the words the cue was written as. */
    record Found(CueBook.Kind kind, String language, String written) {
    }

    private static final String RESOURCE = "/org/havewemet/triage/judge/cues/%s.yaml";

    private static final LanguageCues INSTANCE = load();

    private final Map<String, CueBook> books;
    private final CueBook everyLanguage;
    private final CueAnalyzers analyzers;

    private LanguageCues(Map<String, CueBook> books, CueBook everyLanguage, CueAnalyzers analyzers) {
        this.books = books;
        this.everyLanguage = everyLanguage;
        this.analyzers = analyzers;
    }

    /** The cues shipped with triage (loaded once; thread-safe). */
    static LanguageCues get() {
        return INSTANCE;
    }

    /** The languages that have cue files. */
    Set<String> languages() {
        return books.keySet();
    }

    /**
     * For each kind, the first cue of the note: stemmed cues of its own language, then of English (notes mix it in),
     * then the cues of every language in the exact words they were written, which also serves notes whose language
     * is unknown or misjudged (one more analysis, one lookup in a shared index).
     */
    Map<CueBook.Kind, Found> find(String note, String language) {
        Map<CueBook.Kind, Found> found = new EnumMap<>(CueBook.Kind.class);
        if (language != null && books.containsKey(language)) {
            collect(books.get(language), language, note, found);
        }
        if (!"en".equals(language)) {
            collect(books.get("en"), "en", note, found);
        }
        collect(everyLanguage, CueAnalyzers.NEUTRAL, note, found);
        return found;
    }

    private void collect(CueBook book, String analysis, String note, Map<CueBook.Kind, Found> found) {
        book.find(analyzers.tokens(analysis, note)).forEach((kind, cue) ->
            found.putIfAbsent(kind, new Found(kind, cue.language(), cue.written())));
    }

    private static LanguageCues load() {
        CueAnalyzers analyzers = CueAnalyzers.get();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, CueBook> books = new LinkedHashMap<>();
        CueBook everyLanguage = new CueBook(CueAnalyzers.NEUTRAL, analyzers);
        for (String lang : CueAnalyzers.LANGUAGES) {
            String path = String.format(Locale.ROOT, RESOURCE, lang);
            try (InputStream in = LanguageCues.class.getResourceAsStream(path)) {
                if (in == null) {
                    continue;
                }
                Map<String, List<String>> raw = yaml.readValue(in, new TypeReference<Map<String, List<String>>>() { });
                Map<CueBook.Kind, List<String>> kinds = kinds(path, raw);
                books.put(lang, new CueBook(lang, analyzers).add(lang, kinds));
                everyLanguage.add(lang, kinds);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read judge cues " + path, e);
            }
        }
        if (!books.containsKey("en")) {
            throw new IllegalStateException("judge cues: en.yaml is missing");
        }
        return new LanguageCues(Collections.unmodifiableMap(books), everyLanguage, analyzers);
    }

    static Map<CueBook.Kind, List<String>> kinds(String path, Map<String, List<String>> raw) {
        Map<CueBook.Kind, List<String>> out = new EnumMap<>(CueBook.Kind.class);
        raw.forEach((key, list) -> {
            CueBook.Kind kind = null;
            for (CueBook.Kind k : CueBook.Kind.values()) {
                if (k.name().toLowerCase(Locale.ROOT).equals(key)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException(path + ": unknown key '" + key
                    + "', expected one of who, how, why, pitch, flattery, collaboration");
            }
            out.put(kind, list == null ? List.of() : new ArrayList<>(list));
        });
        return out;
    }
}
