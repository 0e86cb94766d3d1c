package org.havewemet.config.template;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which template: a name ({@code reply}), a locale ({@code fr-CA}) and optionally the recipient domain it overrides
 * the template for. Every part is checked against a strict pattern on construction, so an id can always be turned
 * into a path under the templates directory without any chance of traversal.
 *
 * @param domain lower-case host name, or null for the server-wide template
 */
public record TemplateId(String name, String locale, String domain) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** Directory name holding the per-domain overrides, so it cannot be a template name. */
    static final String DOMAINS_DIRECTORY = "domains";

    /** @throws TemplateException of kind INVALID_NAME naming the bad part */
    public TemplateId {
        name = requireName(name);
        if (locale == null || !LOCALE.matcher(locale).matches()) {
            throw invalid("locale", locale, "a language like en, optionally with a region like fr-CA");
        }
        if (domain != null) {
            domain = requireDomain(domain);
        }
    }

    /** The server-wide template. */
    public static TemplateId of(String name, String locale) {
        return new TemplateId(name, locale, null);
    }

    /** The override for recipients of {@code domain}. */
    public static TemplateId forDomain(String domain, String name, String locale) {
        return new TemplateId(name, locale, domain);
    }

    public Optional<String> domainOverride() {
        return Optional.ofNullable(domain);
    }

    /** This template's name and locale, server-wide. */
    public TemplateId global() {
        return domain == null ? this : of(name, locale);
    }

    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(DOMAINS_DIRECTORY)) {
            throw invalid("template name", name, "a lower-case name like reply (letters, digits, dashes; at most 41 "
                    + "characters; not \"domains\")");
        }
        return name;
    }

    /** A valid host name, lower-cased; empty when {@code domain} is not one. */
    static Optional<String> asDomain(String domain) {
        if (domain == null || domain.isEmpty() || domain.length() > 253) {
            return Optional.empty();
        }
        String lower = domain.toLowerCase(Locale.ROOT);
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(lower);
    }

    /** Normalizes {@code fr_ca} or {@code FR-ca} to {@code fr-CA}; empty when it is no locale tag we accept. */
    static Optional<String> asLocale(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String[] parts = tag.trim().replace('_', '-').split("-", -1);
        String normalized = parts[0].toLowerCase(Locale.ROOT)
                + (parts.length > 1 ? "-" + parts[1].toUpperCase(Locale.ROOT) : "");
        return parts.length <= 2 && LOCALE.matcher(normalized).matches() ? Optional.of(normalized) : Optional.empty();
    }

    private static String requireDomain(String domain) {
        return asDomain(domain).orElseThrow(() -> invalid("domain", domain, "a host name like example.com"));
    }

    private static TemplateException invalid(String what, String value, String expected) {
        return new TemplateException(TemplateException.Kind.INVALID_NAME, "invalid " + what + " "
                + (value == null ? "(none)" : "\"" + printable(value) + "\"") + ": expected " + expected);
    }

    /** Shows control characters (NUL, newlines) as escapes so an error message stays one harmless line. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
