package org.havewemet.mailet;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.server.core.configuration.ConfigurationProvider;

/**
 * Reads the {@code config} parameter of {@link TriageInvitations} from James' own parsed
 * {@code mailetcontainer.xml}, so that the extension's startable (which runs before James creates the mailets) opens
 * havewemet with the configuration the admin named there.
 */
final class TriageMailetParameters {
    private TriageMailetParameters() {
    }

    /**
     * The {@code config} value of every TriageInvitations mailet; empty when none names one.
     *
     * @throws IllegalStateException when two mailets name different files (one configuration per server)
     */
    static Optional<String> config(ConfigurationProvider james) {
        HierarchicalConfiguration<ImmutableNode> container;
        try {
            container = james.getConfiguration("mailetcontainer");
        } catch (ConfigurationException | RuntimeException e) {
            return Optional.empty();
        }
        return config(container);
    }

    static Optional<String> config(HierarchicalConfiguration<ImmutableNode> container) {
        Set<String> named = new LinkedHashSet<>();
        for (HierarchicalConfiguration<ImmutableNode> processor : container.configurationsAt("processors.processor")) {
            for (HierarchicalConfiguration<ImmutableNode> mailet : processor.configurationsAt("mailet")) {
                String config = mailet.getString("config", null);
                if (TriageInvitations.class.getName().equals(mailet.getString("[@class]", "")) && config != null
                        && !config.isBlank()) {
                    named.add(config.trim());
                }
            }
        }
        if (named.size() > 1) {
            throw new IllegalStateException("havewemet runs one configuration per server, but the TriageInvitations"
                + " mailets of mailetcontainer.xml name " + named);
        }
        return named.stream().findFirst();
    }
}
