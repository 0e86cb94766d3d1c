package org.havewemet.reply;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.reply.PolicyFixture.USER;
import static org.havewemet.reply.PolicyFixture.direct;
import static org.havewemet.reply.PolicyFixture.directContext;
import static org.havewemet.reply.PolicyFixture.linkedinContext;
import static org.havewemet.reply.PolicyFixture.linkedinInvitation;
import static org.havewemet.reply.PolicyFixture.with;

/** Reply policy: whom an invitation is answered to, by verdict and event, and when it becomes a draft. */
class ReplyPolicyTest extends PolicyTestSupport {
    // --- the baselines: what does get an answer

    @Test
    void decideShouldReplyToSenderWhenDirectRequestIsCleanAndUnexplained() {
        ReplyDecision decision = decide(directContext(direct()));

        assertReply(decision, "bob.martin@inviter.test");
        assertThat(decision.inviterKey()).isEqualTo("bob.martin@inviter.test");
        assertThat(f.limiter.count(USER)).isEqualTo(1);
    }

    @Test
    void decideShouldReplyToInviterNotReturnPathWhenPlatformNoticeHasReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation("Bob.Martin@inviter.test",
                EventKind.INVITATION)));

        assertReply(decision, "bob.martin@inviter.test");
    }

    @Test
    void decideShouldIgnoreListAndPrecedenceHeadersWhenPlatformNoticeHasReplyAddress() {
        ReplyContext ctx = linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.REMINDER));
        with(ctx.message(), "Auto-Submitted", "auto-generated");

        assertReply(decide(ctx), "bob.martin@inviter.test");
    }

    // --- verdicts and events

    @Test
    void verdictSuspicious() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.SUSPICIOUS)),
                ReasonCode.VERDICT_SUSPICIOUS);
    }

    @Test
    void verdictPersonal() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.PERSONAL)), ReasonCode.VERDICT_PERSONAL);
    }

    @Test
    void verdictKnown() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.KNOWN)), ReasonCode.VERDICT_KNOWN);
    }

    @Test
    void verdictNotInvitation() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.NOT_INVITATION)),
                ReasonCode.VERDICT_NOT_INVITATION);
    }

    @Test
    void noInvitation() {
        assertSuppressed(decide(withInvitation(directContext(direct()), null)), ReasonCode.NO_INVITATION);
    }

    @Test
    void eventNotAnswerable() {
        assertSuppressed(decide(linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.ACCEPTED))),
                ReasonCode.EVENT_NOT_ANSWERABLE);
    }

    // --- drafts

    @Test
    void noReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation(null, EventKind.INVITATION)));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertThat(decision.reason()).isEqualTo(ReasonCode.NO_REPLY_ADDRESS);
        assertThat(decision.target()).isNull();
        assertThat(decision.inviterKey()).isEqualTo("bob.martin@inviter.test");
    }

    @Test
    void invalidReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation("bob at inviter", EventKind.INVITATION)));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertThat(decision.reason()).isEqualTo(ReasonCode.INVALID_REPLY_ADDRESS);
    }

    @Test
    void decideShouldDraftOnlyOnceWhenReminderFollowsUnreachableInvitation() {
        Inviter noEmail = new Inviter("Bob Martin", null, null, null, null, "https://www.linkedin.com/in/bob-m/");
        Invitation first = new Invitation("linkedin", EventKind.INVITATION, noEmail, null, null, null, null, null,
                null, null);
        Invitation reminder = new Invitation("linkedin", EventKind.REMINDER, noEmail, null, null, null, null, null,
                null, null);

        assertThat(decide(linkedinContext(first)).kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertSuppressed(decide(linkedinContext(reminder)), ReasonCode.ALREADY_ANSWERED);
    }

}
