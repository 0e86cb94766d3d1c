package org.havewemet.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks that involve more than one key, once every key is valid on its own. */
final class CrossChecks {
    private CrossChecks() {
    }

    static void check(JsonNode config, YamlTree.Node tree, Problems problems) {
        if (config.path("storage").path("backend").asText().equals("OPENSEARCH")
                && config.path("storage").path("opensearch").path("hosts").isEmpty()) {
            YamlTree.Node at = locate(tree, "storage", "backend");
            problems.add("storage.opensearch.hosts", at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                    "at least one http(s)://host:port URL when storage.backend is opensearch", "nothing", null);
        }
        int few = config.path("judge").path("fewMutualConnections").asInt();
        int many = config.path("judge").path("manyConnections").asInt();
        if (few >= many) {
            YamlTree.Node at = locate(tree, "judge", "manyConnections");
            if (at == null) {
                at = locate(tree, "judge", "fewMutualConnections");
            }
            problems.add("judge.manyConnections", at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                    "a number greater than judge.fewMutualConnections (" + few + ")", "\"" + many + "\"", null);
        }
    }

    /** The node at a key path, or null when the file does not write it. */
    static YamlTree.Node locate(YamlTree.Node tree, String... keys) {
        YamlTree.Node node = tree;
        for (String key : keys) {
            if (!(node instanceof YamlTree.Mapping mapping) || !mapping.entries().containsKey(key)) {
                return null;
            }
            node = mapping.entries().get(key).value();
        }
        return node;
    }
}
