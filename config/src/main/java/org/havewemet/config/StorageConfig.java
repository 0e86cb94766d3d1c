package org.havewemet.config;

import java.util.List;

/**
 * Where havewemet keeps its state ({@code storage.*}): {@code embedded} (files and Lucene under the James working
 * directory, one node) or {@code opensearch} (shared by every node of a distributed James).
 *
 * @param backend    {@code embedded} or {@code opensearch}
 * @param opensearch the connection, used when the backend is {@code opensearch}
 */
public record StorageConfig(Backend backend, OpenSearch opensearch) {
    /** The values of {@code storage.backend}. */
    public enum Backend { EMBEDDED, OPENSEARCH }

    /** What {@code storage.opensearch.hosts} accepts. */
    static final String HOST_SHAPE = "https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/?";

    public boolean isOpenSearch() {
        return backend == Backend.OPENSEARCH;
    }

    /**
     * {@code storage.opensearch.*}.
     *
     * @param hosts       http(s)://host:port of one or more nodes
     * @param user        basic-authentication user, null when the cluster asks for none
     * @param password    its password, null when none; never logged, never shown by {@link #toString}
     * @param indexPrefix prepended to each index name, so several installations can share a cluster
     */
    public record OpenSearch(List<String> hosts, String user, String password, String indexPrefix) {
        public OpenSearch {
            hosts = hosts == null ? List.of() : List.copyOf(hosts);
        }

        @Override
        public String toString() {
            return "OpenSearch[hosts=" + hosts + ", user=" + user + ", password=" + (password == null ? null : "***")
                    + ", indexPrefix=" + indexPrefix + "]";
        }
    }
}
