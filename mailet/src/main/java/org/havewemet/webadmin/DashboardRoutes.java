package org.havewemet.webadmin;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.james.metrics.api.MetricFactory;
import org.havewemet.index.ActivityCounts;
import org.havewemet.index.InvitationRecord;
import org.havewemet.mailet.HaveWeMetRuntime;

import spark.Request;

/**
 * The numbers of the admin dashboard, server-wide (every user): {@code /havewemet/stats/daily},
 * {@code /havewemet/stats/replies}, {@code /havewemet/stats/failures} and {@code /havewemet/decisions}. The page
 * draws nothing of its own: its counters and tables show these answers, its chart is {@link DailyChart} of the
 * same {@link #daily} answer.
 */
final class DashboardRoutes {
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DECISIONS = 100;
    static final int MAX_DECISIONS = 500;
    /** The counter {@code TriageInvitations} increments each time it lets a mail through untouched after a failure. */
    static final String FAILURES_METRIC = "havewemet_failures";

    private final HaveWeMetRuntime runtime;
    private final MetricFactory metrics;

    DashboardRoutes(HaveWeMetRuntime runtime, MetricFactory metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    /**
     * {@code GET /havewemet/stats/daily?days=30}: invitations of the last {@code days} UTC days (today included) per
     * day and verdict, every day listed (zero when none), and per platform and note language over the same days.
     */
    Map<String, Object> daily(Request request) {
        int days = InvitationRoutes.number(request, "days", DEFAULT_DAYS, 1, MAX_DAYS);
        LocalDate today = LocalDate.ofInstant(runtime.clock().instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        ActivityCounts counts = io(() -> runtime.index().activity(from));
        List<Map<String, Object>> perDay = new ArrayList<>();
        Map<String, Long> verdicts = new TreeMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Map<String, Long> ofDay = new TreeMap<>(counts.daily().getOrDefault(day, Map.of()));
            ofDay.forEach((verdict, n) -> verdicts.merge(verdict, n, Long::sum));
            perDay.add(ConfigRoutes.ordered("date", day.toString(), "total",
                ofDay.values().stream().mapToLong(Long::longValue).sum(), "verdicts", ofDay));
        }
        Map<String, Object> out = ConfigRoutes.ordered("days", days, "from", first.toString(), "to",
            today.toString(), "invitations", counts.invitations(), "verdicts", verdicts);
        out.put("daily", perDay);
        out.put("platforms", new TreeMap<>(counts.platforms()));
        out.put("noteLanguages", new TreeMap<>(counts.noteLanguages()));
        return out;
    }

    /** {@code GET /havewemet/stats/replies}: the {@code replies} object of {@code GET /havewemet/stats}, alone. */
    Map<String, Object> replies(Map<String, Object> stats) {
        @SuppressWarnings("unchecked") // built by InvitationRoutes.stats as a map
        Map<String, Object> replies = (Map<String, Object>) stats.get("replies");
        return new LinkedHashMap<>(replies);
    }

    /**
     * {@code GET /havewemet/stats/failures}: how often havewemet failed open since James started (the mail was
     * delivered untouched), replies given up because answering failed, and the last configuration reload error.
     */
    Map<String, Object> failures(Map<String, Object> stats) {
        @SuppressWarnings("unchecked") // built by InvitationRoutes.stats as a map
        Map<String, Object> replies = (Map<String, Object>) stats.get("replies");
        @SuppressWarnings("unchecked")
        Map<String, Long> suppressed = (Map<String, Long>) replies.get("suppressedByReason");
        Map<String, Object> out = ConfigRoutes.ordered("failOpen", metrics.generate(FAILURES_METRIC).getCount(),
            "replyErrors", suppressed.getOrDefault("ERROR", 0L));
        out.put("lastReloadError", runtime.lastReloadError().orElse(null));
        return out;
    }

    /** {@code GET /havewemet/decisions?limit=100}: the newest invitations of every user with their verdict and why. */
    Map<String, Object> decisions(Request request) {
        int limit = InvitationRoutes.number(request, "limit", DEFAULT_DECISIONS, 1, MAX_DECISIONS);
        List<InvitationRecord> latest = io(() -> runtime.index().latest(limit));
        return ConfigRoutes.ordered("limit", limit, "decisions", latest.stream().map(DashboardRoutes::decision)
            .toList());
    }

    private static Map<String, Object> decision(InvitationRecord r) {
        Map<String, Object> out = ConfigRoutes.ordered("id", r.id(), "receivedAt", r.receivedAt().toString(), "user",
            r.recipient(), "platform", r.platform(), "event", r.event(), "verdict", r.verdict());
        out.put("reasons", r.reasons());
        out.put("inviter", ConfigRoutes.ordered("name", r.inviterName(), "email", r.inviterEmail()));
        out.putAll(ConfigRoutes.ordered("noteLanguage", r.noteLanguage(), "replyStatus", r.replyStatus(),
            "replyDetail", r.replyDetail()));
        return out;
    }

    @FunctionalInterface
    private interface IndexCall<T> {
        T run() throws IOException;
    }

    private static <T> T io(IndexCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new ApiError(500, ApiError.SERVER_ERROR, "the invitation index failed: " + e.getMessage(), null,
                null);
        }
    }
}
