package org.havewemet.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Shared addresses ({@code addresses.*}): invitations to them are filed quietly, never answered, never drafted.
 *
 * @param roles RE2 patterns on the local part of an address (the part before the last {@code @}), case-insensitive,
 *              found anywhere: anchor with {@code ^...$}. Defaults: info, contact, sales, support, office, jobs,
 *              members, team.
 */
public record AddressesConfig(PatternList roles) {
    public AddressesConfig {
        Objects.requireNonNull(roles, "roles");
    }

    /** True when the local part of {@code address} matches a role pattern; false for null or an address with no @. */
    public boolean isRole(String address) {
        if (address == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        return roles.matches(address.substring(0, at).trim().toLowerCase(Locale.ROOT));
    }
}
