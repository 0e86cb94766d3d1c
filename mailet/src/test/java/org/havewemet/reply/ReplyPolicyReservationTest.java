package org.havewemet.reply;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.reply.PolicyFixture.USER;
import static org.havewemet.reply.PolicyFixture.direct;
import static org.havewemet.reply.PolicyFixture.directContext;
import static org.havewemet.reply.PolicyFixture.linkedinContext;
import static org.havewemet.reply.PolicyFixture.linkedinInvitation;

/** The pure decision and the separate reservation: asking has no side effect, reserving keeps replies at most once. */
class ReplyPolicyReservationTest extends PolicyTestSupport {

    @Test
    void decideShouldChangeNothingHoweverOftenItIsAsked() {
        for (int i = 0; i < 3; i++) {
            assertReply(f.policy.decide(directContext(direct())), "bob.martin@inviter.test");
        }

        assertThat(f.ledger.entries(USER)).isEmpty();
        assertThat(f.limiter.count(USER)).isZero();
    }

    @Test
    void reserveShouldRecordThePairAndCountTheReply() {
        ReplyContext ctx = directContext(direct());

        assertReply(f.policy.reserve(ctx, f.policy.decide(ctx)), "bob.martin@inviter.test");

        assertThat(f.ledger.entries(USER)).hasSize(1);
        assertThat(f.limiter.count(USER)).isEqualTo(1);
        assertSuppressed(f.policy.decide(ctx), ReasonCode.ALREADY_ANSWERED);
    }

    @Test
    void reserveShouldRefuseTheSecondOfTwoDecisionsTakenBeforeEitherReserved() {
        ReplyContext ctx = directContext(direct());
        ReplyDecision first = f.policy.decide(ctx);
        ReplyDecision second = f.policy.decide(ctx);

        assertReply(f.policy.reserve(ctx, first), "bob.martin@inviter.test");
        assertSuppressed(f.policy.reserve(ctx, second), ReasonCode.ALREADY_ANSWERED);
        assertThat(f.limiter.count(USER)).isEqualTo(1);
    }

    @Test
    void reserveShouldReserveADraftWithoutCountingAReply() {
        ReplyContext ctx = linkedinContext(linkedinInvitation(null, EventKind.INVITATION));
        ReplyDecision draft = f.policy.decide(ctx);
        assertThat(draft.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);

        assertThat(f.policy.reserve(ctx, draft).kind()).isEqualTo(ReplyDecision.Kind.DRAFT);

        assertThat(f.ledger.entries(USER)).hasSize(1);
        assertThat(f.limiter.count(USER)).isZero();
        assertSuppressed(f.policy.decide(ctx), ReasonCode.ALREADY_ANSWERED);
    }

    @Test
    void reserveShouldPassSuppressionsUnchanged() {
        ReplyContext ctx = withVerdict(directContext(direct()), Verdict.PERSONAL);
        ReplyDecision suppressed = f.policy.decide(ctx);

        assertThat(f.policy.reserve(ctx, suppressed)).isEqualTo(suppressed);
        assertThat(f.ledger.entries(USER)).isEmpty();
    }

    @Test
    void decideShouldSuppressWhatJamesCallsAutomaticWhenOurRulesFindNothing() {
        ReplyContext ctx = directContext(direct());
        ReplyContext flagged = new ReplyContext(ctx.message(), ctx.envelopeSender(), ctx.user(), ctx.userAliases(),
            ctx.verdict(), ctx.invitation(), ctx.settings(),
            new ReplyContext.AutomaticVerdict(ReasonCode.AUTOMATIC_REPORT, "James: multipart/report"));

        assertSuppressed(f.policy.decide(flagged), ReasonCode.AUTOMATIC_REPORT);
    }
}
