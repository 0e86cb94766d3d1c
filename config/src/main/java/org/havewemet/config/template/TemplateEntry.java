package org.havewemet.config.template;

/**
 * One line of {@link TemplateStore#list()}.
 *
 * @param shipped    a default for this name and locale ships with havewemet (domain overrides are never shipped)
 * @param customized the admin saved their own version
 */
public record TemplateEntry(TemplateId id, boolean shipped, boolean customized) {
}
