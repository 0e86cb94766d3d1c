package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sentences a platform writes when the inviter writes nothing (per language, with historical variants), plus
 * contentless phrases. Matched fuzzily, sentence by sentence.
 */
public final class DefaultNotes {
    /** One known sentence, normalized, with its language. */
    public record Known(String normalized, String language, boolean contentless) {
    }

    private final List<Known> known = new ArrayList<>();

    public DefaultNotes add(Map<String, List<String>> byLanguage, boolean contentless) {
        byLanguage.forEach((lang, texts) -> texts.forEach(t -> {
            String language = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
            known.add(new Known(Fuzzy.normalize(t), language, contentless));
            for (String sentence : Sentences.split(t)) {
                known.add(new Known(Fuzzy.normalize(sentence), language, contentless));
            }
        }));
        return this;
    }

    /** The known sentence this text is (fuzzily), if any. */
    public Optional<Known> match(String text, double tolerance) {
        String n = Fuzzy.normalize(text);
        if (n.isEmpty()) {
            return Optional.of(new Known("", null, true));
        }
        for (Known k : known) {
            if (k.normalized().equals(n)) {
                return Optional.of(k);
            }
        }
        for (Known k : known) {
            if (!k.contentless() && Fuzzy.similar(n, k.normalized(), tolerance)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
