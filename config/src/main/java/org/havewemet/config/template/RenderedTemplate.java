package org.havewemet.config.template;

/**
 * A template filled in for one mail.
 *
 * @param subject    a single header-safe line: no CR, LF or other control characters
 * @param body       text/plain body, {@code \n} line endings, no HTML escaping
 * @param usedLocale the locale of the template that was used after fallback, e.g. {@code fr} for {@code fr-CA}
 */
public record RenderedTemplate(String subject, String body, String usedLocale) {
}
