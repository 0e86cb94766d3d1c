package org.havewemet.config.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.havewemet.config.Suggestions;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;

/**
 * Compiles, validates and renders templates with jmustache. Bodies are text/plain, so nothing is HTML-escaped;
 * values are inserted as data and rendered output is never compiled again, so inviter text cannot act as template
 * syntax. Subjects lose every control character, so no value can add a header line.
 */
final class TemplateEngine {
    /** Larger templates are refused: a reply is a few paragraphs. */
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_SUBJECT_CHARS = 250;

    /** Strict: a missing variable or section is an error, never silently empty. */
    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(true)
            .emptyStringIsFalse(true)
            .zeroIsFalse(true);

    private static final TemplateModel FULL_SAMPLE = sample("x");
    private static final TemplateModel EMPTY_SAMPLE = new TemplateModel(null, null, null, null, null, List.of(), null, 0);

    /** A template ready to render. */
    record Compiled(TemplateSource source, Template subject, Template body) {
    }

    private TemplateEngine() {
    }

    /**
     * Checks everything that can be wrong with a template and compiles it.
     *
     * @throws TemplateException of kind INVALID_TEMPLATE listing every problem
     */
    static Compiled compile(String name, TemplateSource source) {
        List<String> problems = new ArrayList<>();
        if (source.sizeInBytes() > MAX_BYTES) {
            throw new TemplateException(TemplateException.Kind.INVALID_TEMPLATE, "template is " + source.sizeInBytes()
                    + " bytes, more than the " + MAX_BYTES + " bytes allowed");
        }
        if (source.subject().isBlank()) {
            problems.add("subject: must not be empty");
        }
        if (source.subject().codePoints().anyMatch(Character::isISOControl)) {
            problems.add("subject: must be a single line without control characters");
        }
        if (source.body().isBlank()) {
            problems.add("body: must not be empty");
        }
        TemplateSchema schema = TemplateSchema.forTemplate(name);
        Template subject = compilePart("subject", source.subject(), schema, problems);
        Template body = compilePart("body", source.body(), schema, problems);
        if (problems.isEmpty()) {
            tryRender("subject", subject, problems);
            tryRender("body", body, problems);
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(TemplateException.Kind.INVALID_TEMPLATE, problems);
        }
        return new Compiled(source, subject, body);
    }

    static RenderedTemplate render(Compiled compiled, TemplateModel model, String usedLocale) {
        Map<String, Object> context = model.toContext();
        try {
            String subject = headerSafe(compiled.subject().execute(context));
            String body = compiled.body().execute(context).replace("\r\n", "\n").replace('\r', '\n');
            return new RenderedTemplate(subject, body, usedLocale);
        } catch (MustacheException failure) {
            throw new TemplateException(TemplateException.Kind.INVALID_TEMPLATE,
                    "cannot render template: " + failure.getMessage(), failure);
        }
    }

    /** One line: every control or line-separator character becomes a space, runs of spaces collapse. */
    static String headerSafe(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            boolean separator = Character.isISOControl(c) || Character.isWhitespace(c) || c == 0x2028 || c == 0x2029;
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (bidi) {
                return;
            }
            if (separator) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(c);
            }
        });
        String line = out.toString().strip();
        return line.codePointCount(0, line.length()) > MAX_SUBJECT_CHARS
                ? line.substring(0, line.offsetByCodePoints(0, MAX_SUBJECT_CHARS)) : line;
    }

    private static Template compilePart(String part, String text, TemplateSchema schema, List<String> problems) {
        Template template;
        try {
            template = COMPILER.compile(text);
        } catch (MustacheException syntax) {
            problems.add(part + ": " + syntax.getMessage());
            return null;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> unsupported = new LinkedHashSet<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                check(name);
            }

            @Override
            public boolean visitInclude(String name) {
                unsupported.add("{{> " + name + "}}");
                return false;
            }

            @Override
            public boolean visitParent(String name) {
                unsupported.add("{{< " + name + "}}");
                return false;
            }

            @Override
            public boolean visitBlock(String name) {
                unsupported.add("{{$" + name + "}}");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                check(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                check(name);
                return true;
            }

            private void check(String name) {
                if (!schema.accepts(name)) {
                    unknown.add(name);
                }
            }
        });
        for (String name : unknown) {
            String hint = Suggestions.closest(name, schema.paths()).map(s -> " (did you mean {{" + s + "}}?)").orElse("");
            problems.add(part + lineOf(text, name) + ": unknown placeholder {{" + name + "}}" + hint
                    + "; known placeholders: " + String.join(", ", schema.paths()));
        }
        for (String tag : unsupported) {
            problems.add(part + ": " + tag + " is not supported (no partials or template inheritance)");
        }
        return unknown.isEmpty() && unsupported.isEmpty() ? template : null;
    }

    /** Renders with every value present and with every value empty, so both branches of each section run once. */
    private static void tryRender(String part, Template template, List<String> problems) {
        for (TemplateModel sample : List.of(FULL_SAMPLE, EMPTY_SAMPLE)) {
            try {
                template.execute(sample.toContext());
            } catch (MustacheException failure) {
                problems.add(part + ": " + failure.getMessage());
                return;
            }
        }
    }

    private static String lineOf(String text, String name) {
        int at = text.indexOf(name);
        if (at < 0) {
            return "";
        }
        return " line " + (1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count());
    }

    private static TemplateModel sample(String value) {
        TemplateModel.InviterInfo inviter = new TemplateModel.InviterInfo(value, value, value, value, value);
        TemplateModel.DigestItem item = new TemplateModel.DigestItem(inviter, value, value, value, value, value);
        return new TemplateModel(new TemplateModel.Person(value, value), inviter, value, value, value,
                List.of(item), value, 1);
    }
}
