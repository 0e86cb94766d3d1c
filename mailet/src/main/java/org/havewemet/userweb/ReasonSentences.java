package org.havewemet.userweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The reason codes of the index (triage's, the reply policy's, corrections') as plain sentences for the page,
 * from {@code reasons.properties}; a code without a sentence reads as its words ("SOME_NEW_CODE": "Some new code").
 */
final class ReasonSentences {
    private static final Properties SENTENCES = load();

    private ReasonSentences() {
    }

    static String of(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String sentence = SENTENCES.getProperty(code);
        if (sentence != null) {
            return sentence;
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT).trim();
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }

    private static Properties load() {
        Properties sentences = new Properties();
        try (InputStream in = ReasonSentences.class.getResourceAsStream("reasons.properties")) {
            if (in == null) {
                throw new IllegalStateException("reasons.properties is missing from the havewemet jar");
            }
            sentences.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
