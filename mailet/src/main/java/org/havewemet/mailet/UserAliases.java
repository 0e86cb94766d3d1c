package org.havewemet.mailet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.mail.internet.AddressException;

import org.apache.james.core.MailAddress;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.rrt.lib.Mapping;
import org.apache.james.rrt.lib.MappingSource;
import org.apache.james.rrt.lib.Mappings;
import org.havewemet.config.RepliesConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other addresses of a user: the sources James' RecipientRewriteTable maps to the user (aliases and address
 * mappings, as created by WebAdmin's {@code /address/aliases}), plus those {@code replies.aliases} lists. Mail to any
 * of them counts as mail to the user (NOT_ADDRESSED_TO_USER) and none of them is ever answered (OWN_ADDRESS).
 */
public final class UserAliases {
    private static final Logger LOGGER = LoggerFactory.getLogger(UserAliases.class);

    private static final Set<Mapping.Type> TARGET_TYPES = Set.of(Mapping.Type.Group, Mapping.Type.Alias,
        Mapping.Type.Address, Mapping.Type.Forward);

    private final Optional<RecipientRewriteTable> table;

    private UserAliases(Optional<RecipientRewriteTable> table) {
        this.table = table;
    }

    public static UserAliases of(RecipientRewriteTable table) {
        return new UserAliases(Optional.ofNullable(table));
    }

    public static UserAliases configuredOnly() {
        return new UserAliases(Optional.empty());
    }

    /** A lookup of aliases by user address: James' table first, then the configured ones. */
    Function<String, Set<String>> withConfigured(RepliesConfig config) {
        return user -> {
            Set<String> aliases = new LinkedHashSet<>(fromTable(user));
            config.aliases().forEach((owner, list) -> {
                if (owner.equalsIgnoreCase(user)) {
                    list.forEach(alias -> aliases.add(alias.toLowerCase(Locale.ROOT)));
                }
            });
            return aliases;
        };
    }

    /**
     * The mailboxes James' table sends mail for this address to (its group, alias, address and forward mappings,
     * one level: what the table stores for that source), lower-cased; empty when the address has no mapping, is not
     * an address, or the table fails (logged).
     */
    Set<String> mappedTargets(String address) {
        if (table.isEmpty() || address == null || !address.contains("@")) {
            return Set.of();
        }
        Set<String> targets = new LinkedHashSet<>();
        try {
            Mappings stored = table.get().getStoredMappings(MappingSource.fromMailAddress(new MailAddress(address)));
            for (Mapping mapping : stored) {
                if (TARGET_TYPES.contains(mapping.getType())) {
                    mapping.asMailAddress().ifPresent(target -> targets.add(target.asString().toLowerCase(Locale.ROOT)));
                }
            }
        } catch (AddressException notAnAddress) {
            return Set.of();
        } catch (RecipientRewriteTableException | RuntimeException e) {
            LOGGER.warn("havewemet: cannot read a mapping from James' recipient rewrite table", e);
        }
        return targets;
    }

    /** The table's sources mapped to the user; a failing table means no aliases from it (logged). */
    Set<String> fromTable(String user) {
        if (table.isEmpty() || user == null) {
            return Set.of();
        }
        Set<String> sources = new LinkedHashSet<>();
        try {
            for (Mapping mapping : List.of(Mapping.alias(user), Mapping.address(user))) {
                table.get().listSources(mapping)
                    .map(MappingSource::asMailAddressString)
                    .filter(source -> source.contains("@"))
                    .forEach(source -> sources.add(source.toLowerCase(Locale.ROOT)));
            }
        } catch (RecipientRewriteTableException | RuntimeException e) {
            LOGGER.warn("havewemet: cannot read the aliases of a user from James' recipient rewrite table", e);
        }
        return sources;
    }
}
