package org.havewemet.reply;

import java.util.Objects;

/**
 * What to do with one invitation for one user.
 *
 * @param kind       REPLY, DRAFT, SUPPRESS or DRY_RUN
 * @param target     REPLY: the address to send to; DRY_RUN: the address that would get the reply; else null
 * @param reason     why not a plain REPLY (DRAFT and SUPPRESS), null for REPLY and DRY_RUN
 * @param detail     human-readable detail for the log, never null
 * @param inviterKey the ledger key of the inviter (for recordSent / release), null when none could be derived
 */
public record ReplyDecision(Kind kind, String target, ReasonCode reason, String detail, String inviterKey) {
    /** The four outcomes. */
    public enum Kind { REPLY, DRAFT, SUPPRESS, DRY_RUN }

    public ReplyDecision {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static ReplyDecision reply(String to, String inviterKey) {
        return new ReplyDecision(Kind.REPLY, to, null, "", inviterKey);
    }

    public static ReplyDecision dryRun(String wouldReplyTo, String inviterKey) {
        return new ReplyDecision(Kind.DRY_RUN, wouldReplyTo, null, "dry run: nothing sent", inviterKey);
    }

    public static ReplyDecision draft(ReasonCode reason, String detail, String inviterKey) {
        return new ReplyDecision(Kind.DRAFT, null, reason, detail, inviterKey);
    }

    public static ReplyDecision suppress(ReasonCode reason, String detail) {
        return new ReplyDecision(Kind.SUPPRESS, null, reason, detail, null);
    }

    @Override
    public String toString() {
        return kind + (target == null ? "" : " to " + target) + (reason == null ? "" : " " + reason)
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
