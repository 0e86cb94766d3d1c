package org.havewemet.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Document-level operations the stores build on: realtime get with its version, create-if-absent, compare-and-set
 * on {@code _seq_no}/{@code _primary_term}, and filtered searches read to the end with {@code search_after}.
 * Instants are stored as epoch nanoseconds in {@code long} fields: exact, sortable and comparable in a range.
 */
final class Documents {
    private static final int PAGE = 1_000;

    private final OpenSearchStorage storage;
    private final String index;

    Documents(OpenSearchStorage storage, String name) {
        this.storage = storage;
        this.index = storage.index(name);
    }

    /** A document as read, with what a conditional write needs. */
    record Versioned(String id, ObjectNode source, long seqNo, long primaryTerm) {
    }

    /** Realtime get: sees the latest write without a refresh. */
    Optional<Versioned> get(String id) {
        OpenSearchStorage.Reply reply = storage.send("GET", "/" + index + "/_doc/" + encode(id), (String) null,
                Map.of());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw reply.failure("reading " + index + "/" + id);
        }
        JsonNode body = reply.body();
        return Optional.of(new Versioned(id, (ObjectNode) body.get("_source"), body.get("_seq_no").asLong(),
                body.get("_primary_term").asLong()));
    }

    /** @return false when a document with that id exists already (someone else created it first) */
    boolean create(String id, ObjectNode source, boolean refresh) {
        OpenSearchStorage.Reply reply = storage.send("PUT", "/" + index + "/_create/" + encode(id), source,
                refresh ? Map.of("refresh", "true") : Map.of());
        if (reply.status() == 409) {
            return false;
        }
        if (!reply.ok()) {
            throw reply.failure("creating " + index + "/" + id);
        }
        return true;
    }

    /** @return false when the document changed since {@code read} (someone else wrote it first) */
    boolean replace(Versioned read, ObjectNode source, boolean refresh) {
        Map<String, String> params = refresh
                ? Map.of("if_seq_no", Long.toString(read.seqNo()), "if_primary_term", Long.toString(read.primaryTerm()),
                        "refresh", "true")
                : Map.of("if_seq_no", Long.toString(read.seqNo()), "if_primary_term", Long.toString(read.primaryTerm()));
        OpenSearchStorage.Reply reply = storage.send("PUT", "/" + index + "/_doc/" + encode(read.id()), source, params);
        if (reply.status() == 409) {
            return false;
        }
        if (!reply.ok()) {
            throw reply.failure("updating " + index + "/" + read.id());
        }
        return true;
    }

    /** @return false when the document changed since {@code read} */
    boolean delete(Versioned read, boolean refresh) {
        Map<String, String> params = refresh
                ? Map.of("if_seq_no", Long.toString(read.seqNo()), "if_primary_term", Long.toString(read.primaryTerm()),
                        "refresh", "true")
                : Map.of("if_seq_no", Long.toString(read.seqNo()), "if_primary_term", Long.toString(read.primaryTerm()));
        OpenSearchStorage.Reply reply = storage.send("DELETE", "/" + index + "/_doc/" + encode(read.id()),
                (String) null, params);
        if (reply.status() == 409) {
            return false;
        }
        if (!reply.ok() && reply.status() != 404) {
            throw reply.failure("deleting " + index + "/" + read.id());
        }
        return true;
    }

    /** Unconditional write (a document only this caller writes). */
    void put(String id, ObjectNode source, boolean refresh) {
        OpenSearchStorage.Reply reply = storage.send("PUT", "/" + index + "/_doc/" + encode(id), source,
                refresh ? Map.of("refresh", "true") : Map.of());
        if (!reply.ok()) {
            throw reply.failure("writing " + index + "/" + id);
        }
    }

    /**
     * Every document matching a filter, in the given order, read page by page. {@code sort} must end with a
     * unique field, so that pages neither skip nor repeat.
     */
    List<ObjectNode> searchAll(ArrayNode filter, ArrayNode sort) {
        List<ObjectNode> found = new ArrayList<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = OpenSearchStorage.JSON.createObjectNode();
            body.put("size", PAGE);
            body.putObject("query").putObject("bool").set("filter", filter);
            body.set("sort", sort);
            if (after != null) {
                body.set("search_after", after);
            }
            OpenSearchStorage.Reply reply = storage.send("POST", "/" + index + "/_search", body, Map.of());
            if (!reply.ok()) {
                throw reply.failure("searching " + index);
            }
            JsonNode hits = reply.body().path("hits").path("hits");
            for (JsonNode hit : hits) {
                found.add((ObjectNode) hit.get("_source"));
                after = hit.get("sort");
            }
            if (hits.size() < PAGE) {
                return found;
            }
        }
    }

    /**
     * Deletes what matches a filter, after making every write visible to it: searched ids, then one bulk delete per
     * page (not {@code _delete_by_query}, which lives in the reindex module a minimal cluster may lack).
     *
     * @return how many documents were deleted
     */
    int deleteWhere(ArrayNode filter) {
        int deleted = 0;
        while (true) {
            storage.send("POST", "/" + index + "/_refresh", (String) null, Map.of());
            ObjectNode body = OpenSearchStorage.JSON.createObjectNode();
            body.put("size", PAGE).put("_source", false);
            body.putObject("query").putObject("bool").set("filter", filter);
            OpenSearchStorage.Reply found = storage.send("POST", "/" + index + "/_search", body, Map.of());
            if (!found.ok()) {
                throw found.failure("searching " + index);
            }
            JsonNode hits = found.body().path("hits").path("hits");
            if (hits.isEmpty()) {
                return deleted;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                ObjectNode action = OpenSearchStorage.JSON.createObjectNode();
                action.putObject("delete").put("_index", index).put("_id", hit.get("_id").asText());
                bulk.append(action).append('\n');
            }
            OpenSearchStorage.Reply reply = storage.sendNdjson("/_bulk", bulk.toString(), Map.of("refresh", "true"));
            if (!reply.ok()) {
                throw reply.failure("deleting from " + index);
            }
            for (JsonNode item : reply.body().path("items")) {
                deleted += item.path("delete").path("result").asText().equals("deleted") ? 1 : 0;
            }
        }
    }

    static ObjectNode term(String field, String value) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.putObject("term").put(field, value);
        return node;
    }

    static ObjectNode exists(String field) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.putObject("exists").put("field", field);
        return node;
    }

    static ObjectNode notExists(String field) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.putObject("bool").putArray("must_not").add(exists(field));
        return node;
    }

    static ObjectNode before(String field, Instant instant) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.putObject("range").putObject(field).put("lt", nanos(instant));
        return node;
    }

    static ArrayNode filters(ObjectNode... clauses) {
        ArrayNode array = OpenSearchStorage.JSON.createArrayNode();
        for (ObjectNode clause : clauses) {
            array.add(clause);
        }
        return array;
    }

    /** Sort on these fields ascending, or descending when a name starts with '-'. */
    static ArrayNode sort(String... fields) {
        ArrayNode array = OpenSearchStorage.JSON.createArrayNode();
        for (String field : fields) {
            boolean desc = field.startsWith("-");
            array.addObject().putObject(desc ? field.substring(1) : field).put("order", desc ? "desc" : "asc")
                    .put("missing", desc ? "_last" : "_first");
        }
        return array;
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static Instant instant(JsonNode nanos) {
        if (nanos == null || nanos.isNull() || nanos.isMissingNode()) {
            return null;
        }
        long value = nanos.asLong();
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    /** A stable document id for a key of any length and alphabet. */
    static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String norm(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("user and inviter key are required");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** Wraps a write that lost its race too many times: the store is too contended to decide. */
    static UncheckedIOException contended(String what) {
        return new UncheckedIOException(new IOException("OpenSearch: gave up " + what
                + " after repeated concurrent changes"));
    }
}
