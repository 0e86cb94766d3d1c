package org.havewemet.config.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default templates shipped in the jar under {@code org/havewemet/config/templates/<name>/<locale>.mustache},
 * listed in {@code index.txt} there (class-path directories cannot be listed reliably inside a jar). They are
 * validated and compiled once; a broken shipped template is a build error caught by the tests.
 */
final class ShippedTemplates {
    private static final String BASE = "/org/havewemet/config/templates/";

    private final Map<TemplateId, TemplateEngine.Compiled> templates = new LinkedHashMap<>();

    /** Compiled once per class loader: they never change at run time. */
    private static final class Holder {
        static final ShippedTemplates INSTANCE = new ShippedTemplates();
    }

    static ShippedTemplates instance() {
        return Holder.INSTANCE;
    }

    private ShippedTemplates() {
        for (String line : read("index.txt").split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("/");
            TemplateId id = TemplateId.of(parts[0], parts[1]);
            TemplateSource source = TemplateSource.parse(read(entry + ".mustache"));
            templates.put(id, TemplateEngine.compile(id.name(), source));
        }
    }

    Optional<TemplateEngine.Compiled> get(String name, String locale) {
        return Optional.ofNullable(templates.get(TemplateId.of(name, locale)));
    }

    List<TemplateId> ids() {
        return List.copyOf(templates.keySet());
    }

    private static String read(String resource) {
        try (InputStream in = ShippedTemplates.class.getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped template resource missing: " + BASE + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException broken) {
            throw new UncheckedIOException(broken);
        }
    }
}
