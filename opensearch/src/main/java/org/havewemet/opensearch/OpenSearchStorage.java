package org.havewemet.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.nio.entity.NStringEntity;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;
import org.opensearch.client.RestClientBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The connection the OpenSearch stores share: the low-level REST client James ships, an index prefix (so several
 * havewemet installations, or tests, can share one cluster), and JSON in and out. Every call is synchronous and
 * throws {@link UncheckedIOException} when OpenSearch cannot be reached or answers with an unexpected error; the
 * credentials are handed to the HTTP client and never kept in a field that {@link #toString} could show.
 */
public final class OpenSearchStorage implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private final RestClient client;
    private final String prefix;
    private final List<URI> hosts;

    private OpenSearchStorage(RestClient client, String prefix, List<URI> hosts) {
        this.client = client;
        this.prefix = prefix;
        this.hosts = hosts;
    }

    /**
     * @param hosts       http(s)://host:port of one or more nodes
     * @param prefix      prepended to every index name (lower-case letters, digits, '-' and '_')
     * @param credentials user and password for basic authentication, when the cluster asks for them
     */
    public static OpenSearchStorage connect(List<URI> hosts, String prefix, Optional<Credentials> credentials) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one OpenSearch host is required");
        }
        if (!prefix.equals(prefix.toLowerCase(Locale.ROOT)) || prefix.chars().anyMatch(c ->
                !(Character.isLetterOrDigit(c) || c == '-' || c == '_'))) {
            throw new IllegalArgumentException("index prefix must be lower-case letters, digits, '-' or '_': "
                    + prefix);
        }
        HttpHost[] httpHosts = hosts.stream()
                .map(u -> new HttpHost(u.getHost(), u.getPort(), u.getScheme())).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(httpHosts)
                .setRequestConfigCallback(c -> c.setConnectTimeout(CONNECT_TIMEOUT_MS)
                        .setSocketTimeout(SOCKET_TIMEOUT_MS));
        credentials.ifPresent(cred -> builder.setHttpClientConfigCallback(http -> {
            BasicCredentialsProvider provider = new BasicCredentialsProvider();
            provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(cred.user(), cred.password()));
            return http.setDefaultCredentialsProvider(provider);
        }));
        return new OpenSearchStorage(builder.build(), prefix, List.copyOf(hosts));
    }

    /** User and password for basic authentication; {@link #toString} hides the password. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    /** The full name of one of our indices. */
    public String index(String name) {
        return prefix + name;
    }

    /**
     * An index created on first use rather than at start: a node that starts while OpenSearch is down still
     * starts (mail is delivered and filed, nothing is reserved) and creates it once OpenSearch answers.
     */
    Runnable lazyIndex(String name, String mappingsJson) {
        AtomicBoolean ready = new AtomicBoolean();
        return () -> {
            if (!ready.get()) {
                ensureIndex(name, mappingsJson);
                ready.set(true);
            }
        };
    }

    /** Creates the index with these mappings unless it exists (several nodes may race to create it). */
    public void ensureIndex(String name, String mappingsJson) {
        String body = "{\"settings\":{\"number_of_shards\":1,\"auto_expand_replicas\":\"0-1\"},\"mappings\":"
                + mappingsJson + "}";
        Reply reply = send("PUT", "/" + index(name), body, Map.of());
        if (reply.status() != 200 && !(reply.status() == 400
                && reply.body().path("error").path("type").asText().equals("resource_already_exists_exception"))) {
            throw reply.failure("creating index " + index(name));
        }
        // Another node may have created it a moment ago, its shard not yet started: wait until it takes requests.
        Reply health = send("GET", "/_cluster/health/" + index(name), (String) null,
                Map.of("wait_for_status", "yellow", "wait_for_no_initializing_shards", "true", "timeout", "30s"));
        if (!health.ok() || health.body().path("timed_out").asBoolean()) {
            throw health.failure("waiting for index " + index(name));
        }
    }

    /** Deletes every index with our prefix (tests, and a migration started over). */
    public void deleteAllIndices() {
        Reply reply = send("DELETE", "/" + prefix + "*", (String) null, Map.of("expand_wildcards", "all"));
        if (reply.status() != 200 && reply.status() != 404) {
            throw reply.failure("deleting indices " + prefix + "*");
        }
    }

    /**
     * One HTTP request; the caller decides which statuses are fine (4xx do not throw here).
     *
     * @param body JSON, or null
     */
    Reply send(String method, String endpoint, String body, Map<String, String> params) {
        Request request = new Request(method, endpoint);
        params.forEach(request::addParameter);
        if (body != null) {
            request.setEntity(new NStringEntity(body, ContentType.APPLICATION_JSON));
        }
        return perform(request);
    }

    private Reply perform(Request request) {
        Response response;
        try {
            response = client.performRequest(request);
        } catch (ResponseException e) {
            response = e.getResponse();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch " + hosts + " unreachable: " + request.getMethod() + " "
                    + request.getEndpoint(), e);
        }
        return new Reply(response.getStatusLine().getStatusCode(), parse(response));
    }

    /** A bulk request: newline-delimited JSON. */
    Reply sendNdjson(String endpoint, String ndjson, Map<String, String> params) {
        Request request = new Request("POST", endpoint);
        params.forEach(request::addParameter);
        request.setEntity(new NStringEntity(ndjson, ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)));
        return perform(request);
    }

    /** Sends an object as JSON. */
    Reply send(String method, String endpoint, ObjectNode body, Map<String, String> params) {
        return send(method, endpoint, body == null ? null : body.toString(), params);
    }

    private static JsonNode parse(Response response) {
        if (response.getEntity() == null) {
            return JSON.missingNode();
        }
        try (InputStream in = response.getEntity().getContent()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch answered with unreadable JSON", e);
        }
    }

    /** Makes the latest writes of the index visible to searches. */
    void refresh(String name) {
        Reply reply = send("POST", "/" + index(name) + "/_refresh", (String) null, Map.of());
        if (reply.status() != 200) {
            throw reply.failure("refreshing " + index(name));
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    @Override
    public String toString() {
        return "OpenSearch" + hosts + " prefix '" + prefix + "'";
    }

    /** Status and parsed body of one answer. */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        UncheckedIOException failure(String what) {
            return new UncheckedIOException(new IOException("OpenSearch failed " + what + ": HTTP " + status + " "
                    + body.path("error").path("reason").asText(body.toString())));
        }
    }
}
