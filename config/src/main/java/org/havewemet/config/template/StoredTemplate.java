package org.havewemet.config.template;

import java.util.List;

/**
 * A template as stored.
 *
 * @param customized true when the admin's file is used, false for the shipped default
 * @param problems   non-empty when the admin's file was edited on disk into something invalid: it is then ignored
 *                   when rendering (the next candidate is used) until fixed
 */
public record StoredTemplate(TemplateId id, TemplateSource source, boolean customized, List<String> problems) {
    public StoredTemplate {
        problems = List.copyOf(problems);
    }
}
