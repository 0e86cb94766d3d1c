package org.havewemet.userweb;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.havewemet.index.InvitationRecord;
import org.havewemet.index.QuerySyntaxException;
import org.havewemet.index.SearchResult;
import org.havewemet.index.SortOrder;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.mailet.UserVerdictCorrection;
import org.havewemet.reply.LedgerEntry;
import org.havewemet.userweb.Sessions.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;

import spark.Request;

/**
 * The invitations part of the JSON API, always for the signed-in user only: searches are scoped to them by the
 * index's filter (never by query text), and an id names an invitation within their own scope, so another user's
 * invitation cannot be named at all (404, like an id that does not exist).
 */
final class UserWebApi {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_OFFSET = 10_000;
    static final int MAX_QUERY_CHARS = 1_000;
    static final int MAX_BODY_CHARS = 4_096;
    /** The hash part of {@link InvitationRecord#idFor}: 12 bytes as lower-case hex. */
    private static final Pattern SHORT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final Logger LOGGER = LoggerFactory.getLogger(UserWebApi.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final HaveWeMetRuntime runtime;
    private final UserVerdictCorrection corrections;

    UserWebApi(HaveWeMetRuntime runtime, UserVerdictCorrection corrections) {
        this.runtime = runtime;
        this.corrections = corrections;
    }

    Map<String, Object> search(Session session, Request request) {
        String query = Optional.ofNullable(request.queryParams("q")).orElse("");
        if (query.length() > MAX_QUERY_CHARS) {
            throw UserWebError.invalid("q: at most " + MAX_QUERY_CHARS + " characters");
        }
        int limit = number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(request, "offset", 0, 0, MAX_OFFSET);
        SortOrder sort = sort(request.queryParams("sort"));
        SearchResult result;
        try {
            result = runtime.index().search(session.user(), query, sort, limit, offset);
        } catch (QuerySyntaxException bad) {
            throw UserWebError.invalid("q: " + bad.getMessage() + " (column " + bad.column() + ")");
        } catch (IOException e) {
            LOGGER.warn("havewemet: a user's search failed", e);
            throw new UserWebError(500, "the search failed");
        }
        Map<String, LedgerEntry> asked = asked(session.user());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", session.user());
        out.put("query", query);
        out.put("total", result.total());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("hits", result.hits().stream().map(hit -> {
            Map<String, Object> view = InvitationView.of(hit.record(), lookup(asked, hit.record()));
            view.put("snippet", hit.snippet());
            return view;
        }).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        facets.put("verdict", new TreeMap<>(result.verdicts()));
        facets.put("platform", new TreeMap<>(result.platforms()));
        facets.put("month", new TreeMap<>(result.months()));
        out.put("facets", facets);
        return out;
    }

    Map<String, Object> one(Session session, String id) {
        InvitationRecord record = find(session, id);
        return InvitationView.of(record, lookup(asked(session.user()), record));
    }

    Map<String, Object> correct(Session session, String id, String body) {
        String verdict = UserVerdictCorrection.verdict(field(body, "verdict"))
            .orElseThrow(() -> UserWebError.invalid("expected {\"verdict\": one of "
                + String.join(", ", UserVerdictCorrection.VERDICTS) + "}"));
        InvitationRecord record = find(session, id);
        try {
            corrections.correct(record, verdict);
        } catch (Exception e) {
            LOGGER.warn("havewemet: a user's correction failed", e);
            throw new UserWebError(500, "the correction failed");
        }
        return one(session, id);
    }

    /** The signed-in user's invitation with this id; 404 for anything else, whoever's it may be. */
    private InvitationRecord find(Session session, String id) {
        if (id == null || !SHORT_ID.matcher(id).matches()) {
            throw UserWebError.notFound();
        }
        String full = session.user() + "/" + id;
        try {
            return runtime.index().get(full).filter(r -> r.recipient().equals(session.user()))
                .orElseThrow(UserWebError::notFound);
        } catch (IOException e) {
            LOGGER.warn("havewemet: reading a user's invitation failed", e);
            throw new UserWebError(500, "the invitation index failed");
        }
    }

    private Map<String, LedgerEntry> asked(String user) {
        return runtime.ledger().entries(user).stream().filter(e -> e.originalMessageId() != null)
            .collect(Collectors.toMap(LedgerEntry::originalMessageId, Function.identity(),
                (a, b) -> a.lastActivity().isAfter(b.lastActivity()) ? a : b));
    }

    private static Optional<LedgerEntry> lookup(Map<String, LedgerEntry> asked, InvitationRecord record) {
        return record.messageId() == null ? Optional.empty() : Optional.ofNullable(asked.get(record.messageId()));
    }

    /** One text field of a small JSON object body; null when absent. */
    static String field(String body, String name) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw UserWebError.invalid("expected a JSON object of at most " + MAX_BODY_CHARS + " characters");
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw UserWebError.invalid("expected a JSON object");
            }
            JsonNode value = tree.get(name);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (IOException notJson) {
            throw UserWebError.invalid("expected a JSON object");
        }
    }

    private static SortOrder sort(String sort) {
        if (sort == null || sort.isEmpty() || sort.equals("date")) {
            return SortOrder.DATE;
        }
        if (sort.equals("relevance")) {
            return SortOrder.RELEVANCE;
        }
        throw UserWebError.invalid("sort: expected date or relevance");
    }

    private static int number(Request request, String name, int fallback, int min, int max) {
        String raw = request.queryParams(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, like a number out of range
        }
        throw UserWebError.invalid(name + ": expected a whole number from " + min + " to " + max);
    }
}
