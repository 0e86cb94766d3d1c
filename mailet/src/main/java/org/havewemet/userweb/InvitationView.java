package org.havewemet.userweb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.havewemet.index.InvitationRecord;
import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.LedgerEntry;

/**
 * One invitation as the page and the API show it to its owner: the card, the note, the reasons as sentences and
 * the reply / draft / conversation status as a sentence ("asked 'have we met?' on 3 May 2026, answered on 4 May
 * 2026: introduced by someone you know"). The id is the record's id within its owner's scope (the part after the
 * owner's address), so the owner's address is never part of a URL.
 */
final class InvitationView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private InvitationView() {
    }

    /** The id a URL carries: the record id without its owner prefix. */
    static String shortId(InvitationRecord record) {
        String id = record.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    static Map<String, Object> of(InvitationRecord r, Optional<LedgerEntry> asked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", shortId(r));
        out.put("receivedAt", r.receivedAt().toString());
        out.put("platform", r.platform());
        out.put("event", r.event());
        out.put("verdict", r.verdict());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", r.inviterName());
        card.put("headline", r.inviterHeadline());
        card.put("company", r.inviterCompany());
        card.put("location", r.inviterLocation());
        card.put("profileUrl", webLink(r.profileUrl()));
        card.put("mutualConnections", r.mutualConnections());
        out.put("card", card);
        out.put("note", r.note());
        out.put("noteLanguage", r.noteLanguage());
        out.put("reasons", r.reasons().stream().map(code -> Map.of("code", code, "text", ReasonSentences.of(code)))
            .toList());
        out.put("reply", reply(r, asked));
        return out;
    }

    /** Only http(s) links reach the page: a javascript: or data: "profile" could otherwise run when clicked. */
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.trim() : null;
    }

    private static Map<String, Object> reply(InvitationRecord r, Optional<LedgerEntry> asked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.replyStatus());
        out.put("detail", r.replyDetail());
        Optional<LedgerEntry> sent = asked.filter(LedgerEntry::isSent);
        out.put("askedAt", sent.map(e -> e.sentAt().toString()).orElse(null));
        AnswerKind answer = sent.map(LedgerEntry::answer).orElse(answerOf(r));
        out.put("answer", answer == AnswerKind.NO_ANSWER ? null : answer.name());
        out.put("answeredAt", sent.map(LedgerEntry::answeredAt).map(Instant::toString).orElse(null));
        out.put("summary", summary(r, sent, answer));
        return out;
    }

    private static AnswerKind answerOf(InvitationRecord r) {
        if ("answered".equals(r.replyStatus()) && r.replyDetail() != null) {
            try {
                return AnswerKind.valueOf(r.replyDetail());
            } catch (IllegalArgumentException unknown) {
                return AnswerKind.NO_ANSWER;
            }
        }
        return AnswerKind.NO_ANSWER;
    }

    static String summary(InvitationRecord r, Optional<LedgerEntry> sent, AnswerKind answer) {
        String answered = answer == AnswerKind.NO_ANSWER ? "" : ", answered"
            + sent.map(LedgerEntry::answeredAt).map(at -> " on " + DAY.format(at)).orElse("") + ": "
            + answerSentence(answer);
        if (sent.isPresent()) {
            return "asked 'have we met?' on " + DAY.format(sent.get().sentAt())
                + (answered.isEmpty() ? ", no answer yet" : answered);
        }
        return switch (r.replyStatus()) {
            case "replied" -> "asked 'have we met?'" + (answered.isEmpty() ? ", no answer yet" : answered);
            case "answered" -> "asked 'have we met?'" + answered;
            case "drafted" -> "a 'have we met?' draft waits in your Drafts folder";
            case "dry-run" -> "a 'have we met?' reply would have been sent (dry run)";
            case "suppressed" -> "not answered: " + ReasonSentences.of(r.replyDetail());
            default -> "no reply";
        };
    }

    private static String answerSentence(AnswerKind answer) {
        return switch (answer) {
            case MUTUAL_ACQUAINTANCE -> "introduced by someone you know";
            case SHARED_CONTEXT -> "explained a shared group, event or purpose";
            case NOT_MET_NO_REASON -> "says you have not met, without a reason";
            case NO_ANSWER -> "no answer";
        };
    }
}
