package org.havewemet.config.template;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded version of a template: what it became, when, by whom and through which action.
 *
 * @param id       stable id, sortable, e.g. {@code 000003-20261125T050102123Z}
 * @param at       when the change was made (from the store's clock)
 * @param who      who made it (the WebAdmin user, {@code cli}, or {@code edited on disk} for hand edits found later)
 * @param action   {@code save}, {@code delete}, {@code rollback} or {@code disk-edit}
 * @param source   the template text after the change; null after a delete (the shipped default applies again)
 * @param rollbackOf the version id a rollback restored, else null
 */
public record TemplateVersion(String id, Instant at, String who, String action, TemplateSource source,
                              String rollbackOf) {

    public Optional<TemplateSource> content() {
        return Optional.ofNullable(source);
    }
}
