package org.havewemet.webadmin;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.james.task.Task;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.InviterSummary;
import org.havewemet.index.QuerySyntaxException;
import org.havewemet.index.SearchHit;
import org.havewemet.index.SearchResult;
import org.havewemet.index.SortOrder;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.mailet.InvitationCorrections;
import org.havewemet.tasks.EraseInviterTask;
import org.havewemet.tasks.MailboxIndexingTask;
import org.havewemet.tasks.PurgeTask;

import com.google.re2j.Pattern;

import spark.Request;

/**
 * {@code /havewemet/invitations}, {@code /havewemet/inviters}, erasure, retention purge and statistics. Searches are
 * always scoped to the {@code user} parameter by the index itself; query text cannot widen that scope.
 */
final class InvitationRoutes {
    /** someone@example.com, loosely (RE2/J; \x0B keeps what java.util.regex's \s matched). */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\x0B]+@[^@\\s\\x0B]+");
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    static final int MAX_OFFSET = 10_000;
    static final int MAX_QUERY_CHARS = 1_000;
    private static final int MAX_ADDRESS_CHARS = 320;
    private static final int CORRECTION_LIMIT = 4 * 1024;

    private final HaveWeMetRuntime runtime;
    private final InvitationCorrections corrections;

    InvitationRoutes(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
        this.corrections = new InvitationCorrections(runtime);
    }

    /**
     * {@code POST /havewemet/invitations/{id}/verdict?user=ADDRESS} with {@code {"verdict": "PERSONAL"}}: the
     * admin's correction, counted like the user's move ({@link InvitationCorrections}). {@code id} is the
     * invitation's {@code id} (URL-encoded) or only its part after the user's {@code /}.
     */
    Map<String, Object> correct(Request request) {
        String user = user(request);
        String id = request.params(":id");
        if (id == null || id.isBlank() || id.length() > MAX_ADDRESS_CHARS + 64) {
            throw ApiError.invalid("id", "expected the invitation's id");
        }
        String fullId = id.contains("/") ? id : user + "/" + id;
        String verdict = RequestBodies.requiredString(RequestBodies.json(request, CORRECTION_LIMIT), "verdict");
        Optional<InvitationCorrections.Outcome> done;
        try {
            // Without a verified token the author is WebAdmin itself, never the user (their own moves say so).
            String who = RequestBodies.who(request);
            done = corrections.correct(user, fullId, verdict,
                RequestBodies.UNAUTHENTICATED.equals(who) ? InvitationCorrections.BY_ADMIN : who);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("verdict", e.getMessage());
        } catch (IOException e) {
            throw new ApiError(500, ApiError.SERVER_ERROR, "the invitation index failed: " + e.getMessage(), null,
                null);
        }
        InvitationCorrections.Outcome outcome = done.orElseThrow(() ->
            ApiError.notFound("no invitation " + fullId + " of " + user));
        Map<String, Object> out = ConfigRoutes.ordered("user", user, "id", fullId, "folder", outcome.folder(),
            "moved", outcome.movedFrom().isPresent(), "movedFrom", outcome.movedFrom().orElse(null));
        out.put("invitation", invitation(outcome.record()));
        return out;
    }

    Map<String, Object> invitations(Request request) {
        String user = user(request);
        String query = query(request);
        SortOrder sort = sort(request);
        int limit = number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(request, "offset", 0, 0, MAX_OFFSET);
        SearchResult result = io(() -> index().search(user, query, sort, limit, offset));
        Map<String, Object> out = ConfigRoutes.ordered("user", user, "query", query, "total", result.total(),
            "offset", offset, "limit", limit);
        out.put("hits", result.hits().stream().map(InvitationRoutes::hit).toList());
        out.put("facets", ConfigRoutes.ordered("verdict", new TreeMap<>(result.verdicts()), "platform",
            new TreeMap<>(result.platforms()), "month", new TreeMap<>(result.months())));
        return out;
    }

    Map<String, Object> inviters(Request request) {
        String user = user(request);
        String query = query(request);
        int limit = number(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = number(request, "offset", 0, 0, MAX_OFFSET);
        List<InviterSummary> inviters = io(() -> index().inviters(user, query, limit, offset));
        return ConfigRoutes.ordered("user", user, "query", query, "offset", offset, "limit", limit, "inviters",
            inviters.stream().map(InvitationRoutes::inviter).toList());
    }

    /** Erases one person everywhere (every user's index entries and reply ledger), as a WebAdmin task. */
    Task erase(Request request) {
        String address = request.params(":address");
        if (address == null || address.length() > MAX_ADDRESS_CHARS || !ADDRESS.matcher(address).matches()) {
            throw ApiError.invalid("address", "expected an e-mail address like someone@example.com");
        }
        return new EraseInviterTask(runtime, address.trim().toLowerCase(Locale.ROOT));
    }

    Task purge(Request request) {
        String raw = request.queryParams("olderThanDays");
        if (raw == null) {
            throw ApiError.invalid("olderThanDays", "missing olderThanDays (a number of days, 1 to 36500)");
        }
        return new PurgeTask(runtime, number(request, "olderThanDays", 0, 1, 36_500));
    }

    /** Runs the user's own mailboxes through triage into the index: missing ones (backfill) or all (reindex). */
    Task indexMailboxes(Request request, boolean reindex) {
        return MailboxIndexingTask.of(runtime, user(request), reindex);
    }

    /** Counts per verdict and per reply outcome (suppressions by reason), over every user. */
    Map<String, Object> stats() {
        Map<String, Map<String, Long>> totals = io(() -> index().totals());
        long invitations = totals.get("verdict").values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> statuses = totals.get("replyStatus");
        Map<String, Object> replies = ConfigRoutes.ordered("sent", statuses.getOrDefault("replied", 0L), "drafted",
            statuses.getOrDefault("drafted", 0L), "dryRun", statuses.getOrDefault("dry-run", 0L), "none",
            statuses.getOrDefault(InvitationRecord.STATUS_NONE, 0L));
        replies.put("suppressed", statuses.getOrDefault("suppressed", 0L));
        replies.put("suppressedByReason", new TreeMap<>(totals.get("suppressedReason")));
        return ConfigRoutes.ordered("invitations", invitations, "verdicts", new TreeMap<>(totals.get("verdict")),
            "replies", replies, "replyStatus", new TreeMap<>(statuses));
    }

    private InvitationIndex index() {
        return runtime.index();
    }

    private static String user(Request request) {
        String user = request.queryParams("user");
        if (user == null || user.isBlank()) {
            throw ApiError.invalid("user", "missing user: searches, backfills and reindexing are about one user's invitations");
        }
        if (user.length() > MAX_ADDRESS_CHARS || !ADDRESS.matcher(user.trim()).matches()) {
            throw ApiError.invalid("user", "expected the user's address like demo@example.com");
        }
        return user.trim().toLowerCase(Locale.ROOT);
    }

    private static String query(Request request) {
        String query = request.queryParams("q");
        if (query != null && query.length() > MAX_QUERY_CHARS) {
            throw ApiError.invalid("q", "query is too long: at most " + MAX_QUERY_CHARS + " characters");
        }
        return query == null ? "" : query;
    }

    private static SortOrder sort(Request request) {
        String sort = request.queryParams("sort");
        if (sort == null || sort.isEmpty() || sort.equals("date")) {
            return SortOrder.DATE;
        }
        if (sort.equals("relevance")) {
            return SortOrder.RELEVANCE;
        }
        throw ApiError.invalid("sort", "expected sort=date or sort=relevance");
    }

    static int number(Request request, String name, int fallback, int min, int max) {
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
        throw ApiError.invalid(name, "expected " + name + " to be a whole number from " + min + " to " + max);
    }

    @FunctionalInterface
    private interface IndexCall<T> {
        T run() throws IOException;
    }

    /** Runs an index operation: a query syntax error is the caller's (400 on q), an I/O failure the server's. */
    private static <T> T io(IndexCall<T> call) {
        try {
            return call.run();
        } catch (QuerySyntaxException badQuery) {
            throw new ApiError(400, ApiError.INVALID_ARGUMENT, badQuery.getMessage() + " (column "
                + badQuery.column() + ")", "q", null);
        } catch (IOException e) {
            throw new ApiError(500, ApiError.SERVER_ERROR, "the invitation index failed: " + e.getMessage(), null,
                null);
        }
    }

    private static Map<String, Object> hit(SearchHit hit) {
        Map<String, Object> out = invitation(hit.record());
        out.put("snippet", hit.snippet());
        out.put("score", Float.isFinite(hit.score()) ? hit.score() : null);
        return out;
    }

    /** An invitation's JSON; {@code correction} (schema 4) is null unless somebody changed the verdict by hand. */
    private static Map<String, Object> invitation(InvitationRecord r) {
        Map<String, Object> out = ConfigRoutes.ordered("id", r.id(), "receivedAt", r.receivedAt().toString(),
            "platform", r.platform(), "event", r.event(), "verdict", r.verdict(), "reasons", r.reasons());
        out.put("inviter", ConfigRoutes.ordered("name", r.inviterName(), "email", r.inviterEmail(), "headline",
            r.inviterHeadline(), "company", r.inviterCompany(), "location", r.inviterLocation(), "profileUrl",
            r.profileUrl()));
        out.putAll(ConfigRoutes.ordered("note", r.note(), "noteLanguage", r.noteLanguage(), "replyStatus",
            r.replyStatus(), "replyDetail", r.replyDetail(), "mutualConnections", r.mutualConnections(),
            "connections", r.connections()));
        InvitationRecord.Correction c = r.correction();
        out.put("status", c == null ? null : InvitationRecord.STATUS_CORRECTED);
        out.put("correction", c == null ? null : ConfigRoutes.ordered("by", c.by(), "at",
            c.at() == null ? null : c.at().toString(), "verdict", c.verdict(), "previousVerdict", c.previous()));
        return out;
    }

    private static Map<String, Object> inviter(InviterSummary s) {
        Map<String, Object> out = ConfigRoutes.ordered("key", s.inviterKey(), "name", s.name(), "email", s.email(),
            "headline", s.headline(), "company", s.company(), "profileUrl", s.profileUrl(), "platform",
            s.platform());
        out.putAll(ConfigRoutes.ordered("count", s.count(), "firstSeen", String.valueOf(s.firstSeen()), "lastSeen",
            String.valueOf(s.lastSeen()), "lastVerdict", s.lastVerdict()));
        return out;
    }
}
