package org.havewemet.reply;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Verdict;

/**
 * Decides whether an invitation gets a "Have we met?" reply, a draft, or nothing (RFC 3834 and then some).
 * Only UNEXPLAINED invitations are answered; machine, list, automatic, spam and misaddressed mail never is, nor mail
 * to a shared role or group address ({@link ReplyContext#quiet()}).
 * Platform notices are answered only at {@link Invitation#replyAddress()}, never at their Return-Path.
 *
 * <p>Two steps. {@link #decide} is pure: it reads the ledger and the rate limiter but changes nothing, so a preview,
 * the digest or a dry run can ask "would we answer this?" as often as they like. {@link #reserve} then takes the
 * right to act on a REPLY or DRAFT decision: it durably reserves the (user, inviter) pair in the ledger (one reply or
 * draft per inviter and period) and, for a REPLY, counts one reply in the rate limiter; it answers ALREADY_ANSWERED
 * or RATE_LIMITED_* when another mail took that right in between. Replies stay at most once: the reservation is on
 * disk before the caller hands the reply to James, which then calls {@link LedgerStore#recordSent} after sending,
 * or {@link LedgerStore#release} when sending failed. Dry runs reserve and count nothing. Never throws: unreadable
 * input gives SUPPRESS.
 */
public final class ReplyPolicy {
    private final LedgerStore ledger;
    private final RateLimits rateLimiter;
    private final Clock clock;

    public ReplyPolicy(LedgerStore ledger, RateLimits rateLimiter, Clock clock) {
        this.ledger = ledger;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /**
     * Whether this mail is an "accepted your invitation" notice that gets a thank-you draft instead of going through
     * the reply rules. A SUSPICIOUS one never does: spoofed mail is never answered, not even in a draft.
     */
    public static boolean thanksForAcceptance(Invitation invitation, Verdict verdict) {
        return invitation != null && invitation.event() == EventKind.ACCEPTED && verdict != Verdict.SUSPICIOUS;
    }

    /** What to do with this invitation now, without reserving or counting anything. */
    public ReplyDecision decide(ReplyContext ctx) {
        try {
            return decideOrThrow(ctx);
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof UncheckedIOException) {
                return ReplyDecision.suppress(ReasonCode.LEDGER_UNAVAILABLE, e.getMessage());
            }
            return ReplyDecision.suppress(ReasonCode.UNREADABLE_MESSAGE, e.toString());
        }
    }

    private ReplyDecision decideOrThrow(ReplyContext ctx) throws MessagingException {
        ReplySettings settings = ctx.settings();
        if (!settings.enabled()) {
            return ReplyDecision.suppress(ReasonCode.DISABLED, "replies disabled");
        }
        if (settings.isOptedOut(ctx.user())) {
            return ReplyDecision.suppress(ReasonCode.OPTED_OUT, ctx.user());
        }
        if (ctx.quiet() != null) {
            // Before the verdict: a shared address is never answered or drafted for, whatever triage said.
            return ReplyDecision.suppress(ctx.quiet(), "filed quietly");
        }
        if (ctx.verdict() != Verdict.UNEXPLAINED) {
            return ReplyDecision.suppress(verdictCode(ctx.verdict()), "verdict " + ctx.verdict());
        }
        Invitation invitation = ctx.invitation();
        if (invitation == null) {
            return ReplyDecision.suppress(ReasonCode.NO_INVITATION, "no invitation extracted");
        }
        if (invitation.event() != EventKind.INVITATION && invitation.event() != EventKind.REMINDER) {
            return ReplyDecision.suppress(ReasonCode.EVENT_NOT_ANSWERABLE, "event " + invitation.event());
        }
        Optional<ReplyDecision> refused = mailRules(ctx, invitation.isDirect());
        if (refused.isPresent()) {
            return refused.get();
        }
        return target(ctx, invitation);
    }

    /** Rules on the received mail itself. */
    private Optional<ReplyDecision> mailRules(ReplyContext ctx, boolean direct) throws MessagingException {
        MimeMessage message = ctx.message();
        String sender = ctx.envelopeSender();
        if (sender == null || sender.isBlank() || sender.trim().equals("<>")) {
            return Optional.of(ReplyDecision.suppress(ReasonCode.NULL_SENDER, "null reverse path"));
        }
        Optional<HeaderRules.Hit> hit = HeaderRules.spamFlagged(message);
        if (hit.isEmpty() && !isAddressedToUser(ctx)) {
            hit = Optional.of(new HeaderRules.Hit(ReasonCode.NOT_ADDRESSED_TO_USER, ctx.user()));
        }
        if (hit.isEmpty() && direct) {
            hit = directRules(ctx);
        }
        return hit.map(h -> ReplyDecision.suppress(h.code(), h.detail()));
    }

    /** A person-to-person request comes from its sender: that sender and the mail must be a person's. */
    private Optional<HeaderRules.Hit> directRules(ReplyContext ctx) throws MessagingException {
        String sender = ctx.envelopeSender();
        if (MachineAddresses.isMachine(sender)) {
            return Optional.of(new HeaderRules.Hit(ReasonCode.MACHINE_SENDER, "envelope sender " + sender));
        }
        for (InternetAddress from : fromAddresses(ctx.message())) {
            if (MachineAddresses.isMachine(from.getAddress())) {
                return Optional.of(new HeaderRules.Hit(ReasonCode.MACHINE_SENDER, "From " + from.getAddress()));
            }
        }
        Optional<HeaderRules.Hit> hit = HeaderRules.listMail(ctx.message());
        hit = hit.or(() -> unchecked(() -> HeaderRules.autoSubmitted(ctx.message())));
        hit = hit.or(() -> unchecked(() -> HeaderRules.precedence(ctx.message())));
        hit = hit.or(() -> unchecked(() -> HeaderRules.autoResponseSuppressed(ctx.message())));
        if (hit.isEmpty() && ctx.automatic() != null) {
            // James' own detection, under ours: whatever it knows and we do not (delivery reports, say).
            hit = Optional.of(new HeaderRules.Hit(ctx.automatic().code(), ctx.automatic().detail()));
        }
        if (hit.isEmpty() && ctx.settings().neverAnswer().test(sender.trim().toLowerCase(Locale.ROOT))) {
            hit = Optional.of(new HeaderRules.Hit(ReasonCode.PATTERN, "envelope sender " + sender));
        }
        return hit;
    }

    /** Rules on whom the reply would go to, then the ledger and the rate limits. */
    private ReplyDecision target(ReplyContext ctx, Invitation invitation) {
        String key = InviterKeys.of(invitation);
        String raw = invitation.replyAddress();
        if (raw == null || raw.isBlank()) {
            return draft(ctx, ReasonCode.NO_REPLY_ADDRESS, "no address reaches the inviter", key);
        }
        String to;
        try {
            to = ReplyComposer.mailbox(raw, "reply address").getAddress().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return draft(ctx, ReasonCode.INVALID_REPLY_ADDRESS, HeaderText.clean(raw), key);
        }
        if (ownAddresses(ctx).contains(to)) {
            return ReplyDecision.suppress(ReasonCode.OWN_ADDRESS, to);
        }
        if (ctx.settings().neverAnswer().test(to)) {
            return ReplyDecision.suppress(ReasonCode.PATTERN, to);
        }
        if (MachineAddresses.isMachine(to)) {
            return invitation.isDirect()
                    ? ReplyDecision.suppress(ReasonCode.MACHINE_SENDER, "reply address " + to)
                    : draft(ctx, ReasonCode.MACHINE_SENDER, "platform relay " + to + " is a machine", key);
        }
        return replyIfFree(ctx, to, key);
    }

    private ReplyDecision replyIfFree(ReplyContext ctx, String to, String key) {
        String user = ctx.user();
        if (ledger.isAnsweredWithin(user, key, clock.instant(), ctx.settings().answerOncePer())) {
            return ReplyDecision.suppress(ReasonCode.ALREADY_ANSWERED, key);
        }
        Optional<ReplyDecision> limited = limited(rateLimiter.check(user));
        if (limited.isPresent()) {
            return limited.get();
        }
        return ctx.settings().dryRun() ? ReplyDecision.dryRun(to, key) : ReplyDecision.reply(to, key);
    }

    private ReplyDecision draft(ReplyContext ctx, ReasonCode reason, String detail, String key) {
        if (key != null && ledger.isAnsweredWithin(ctx.user(), key, clock.instant(), ctx.settings().answerOncePer())) {
            return ReplyDecision.suppress(ReasonCode.ALREADY_ANSWERED, key);
        }
        return ReplyDecision.draft(reason, detail, key);
    }

    /**
     * Takes the right to act on a decision of {@link #decide}: a REPLY reserves the pair in the ledger (durably) and
     * counts one reply; a DRAFT reserves the pair. Other decisions, and everything in a dry run, pass unchanged.
     *
     * @return the decision, or SUPPRESS when the pair was taken or a limit reached since {@code decide}
     */
    public ReplyDecision reserve(ReplyContext ctx, ReplyDecision decision) {
        try {
            return reserveOrThrow(ctx, decision);
        } catch (UncheckedIOException e) {
            return ReplyDecision.suppress(ReasonCode.LEDGER_UNAVAILABLE, e.getMessage());
        }
    }

    private ReplyDecision reserveOrThrow(ReplyContext ctx, ReplyDecision decision) {
        boolean reserves = decision.kind() == ReplyDecision.Kind.REPLY
            || (decision.kind() == ReplyDecision.Kind.DRAFT && decision.inviterKey() != null);
        if (!reserves || ctx.settings().dryRun()) {
            return decision;
        }
        String user = ctx.user();
        if (!ledger.tryReserve(user, decision.inviterKey(), clock.instant(), ctx.settings().answerOncePer())) {
            return ReplyDecision.suppress(ReasonCode.ALREADY_ANSWERED, decision.inviterKey());
        }
        if (decision.kind() == ReplyDecision.Kind.REPLY) {
            Optional<ReplyDecision> limited = limited(rateLimiter.tryAcquire(user));
            if (limited.isPresent()) {
                ledger.release(user, decision.inviterKey());
                return limited.get();
            }
        }
        return decision;
    }

    /** {@link #decide} then {@link #reserve}: what the mailet does for each invitation. */
    public ReplyDecision decideAndReserve(ReplyContext ctx) {
        return reserve(ctx, decide(ctx));
    }

    private static Optional<ReplyDecision> limited(RateLimits.Outcome outcome) {
        return switch (outcome) {
            case ALLOWED -> Optional.empty();
            case USER_LIMIT -> Optional.of(ReplyDecision.suppress(ReasonCode.RATE_LIMITED_USER, "hourly user limit"));
            case GLOBAL_LIMIT -> Optional.of(ReplyDecision.suppress(ReasonCode.RATE_LIMITED_GLOBAL,
                    "hourly server limit"));
        };
    }

    private static boolean isAddressedToUser(ReplyContext ctx) throws MessagingException {
        Set<String> recipients = Recipients.of(ctx.message());
        return ownAddresses(ctx).stream().anyMatch(recipients::contains);
    }

    private static Set<String> ownAddresses(ReplyContext ctx) {
        Set<String> own = new HashSet<>();
        if (ctx.user() != null) {
            own.add(ctx.user().trim().toLowerCase(Locale.ROOT));
        }
        ctx.userAliases().forEach(a -> own.add(a.trim().toLowerCase(Locale.ROOT)));
        return own;
    }

    private static List<InternetAddress> fromAddresses(MimeMessage message) throws MessagingException {
        List<InternetAddress> found = new ArrayList<>();
        for (String value : HeaderRules.values(message, "From")) {
            try {
                found.addAll(List.of(InternetAddress.parseHeader(value, false)));
            } catch (AddressException e) {
                // An unparsable From says nothing either way; the envelope sender was checked.
            }
        }
        return found;
    }

    private static ReasonCode verdictCode(Verdict verdict) {
        if (verdict == null) {
            return ReasonCode.VERDICT_NOT_INVITATION;
        }
        return switch (verdict) {
            case SUSPICIOUS -> ReasonCode.VERDICT_SUSPICIOUS;
            case PERSONAL -> ReasonCode.VERDICT_PERSONAL;
            case KNOWN -> ReasonCode.VERDICT_KNOWN;
            case NOT_INVITATION, UNEXPLAINED -> ReasonCode.VERDICT_NOT_INVITATION;
        };
    }

    /** A header rule that may throw, for use in Optional chains. */
    private interface HeaderCheck {
        Optional<HeaderRules.Hit> run() throws MessagingException;
    }

    private static Optional<HeaderRules.Hit> unchecked(HeaderCheck check) {
        try {
            return check.run();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
