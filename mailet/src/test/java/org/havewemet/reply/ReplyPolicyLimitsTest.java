package org.havewemet.reply;

import java.time.Duration;
import java.util.Set;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.reply.PolicyFixture.USER;
import static org.havewemet.reply.PolicyFixture.direct;
import static org.havewemet.reply.PolicyFixture.directContext;
import static org.havewemet.reply.PolicyFixture.linkedinContext;
import static org.havewemet.reply.PolicyFixture.linkedinInvitation;
import static org.havewemet.reply.PolicyFixture.with;

/** Reply policy: the ledger period, rate limits, dry run and a ledger that cannot be written. */
class ReplyPolicyLimitsTest extends PolicyTestSupport {
    // --- ledger, rate limits, dry run

    @Test
    void alreadyAnswered() {
        assertReply(decide(directContext(direct())), "bob.martin@inviter.test");
        f.clock.advance(Duration.ofDays(30));

        assertSuppressed(decide(directContext(direct())), ReasonCode.ALREADY_ANSWERED);
        assertThat(f.limiter.count(USER)).isZero();
    }

    @Test
    void decideShouldReplyAgainWhenConfiguredPeriodHasPassed() {
        ReplySettings monthly = new ReplySettings(true, false, Set.of(), null, Duration.ofDays(30));
        assertReply(decide(directContext(direct(), "bob.martin@inviter.test", monthly)), "bob.martin@inviter.test");
        f.clock.advance(Duration.ofDays(31));

        assertReply(decide(directContext(direct(), "bob.martin@inviter.test", monthly)), "bob.martin@inviter.test");
    }

    @Test
    void rateLimitedUser() throws Exception {
        f.close();
        f = new PolicyFixture(dir.resolve("limited"), 1, 100);
        assertReply(decide(linkedinContext(linkedinInvitation("one@inviter.test", EventKind.INVITATION))),
                "one@inviter.test");

        assertSuppressed(decide(linkedinContext(linkedinInvitation("two@inviter.test", EventKind.INVITATION))),
                ReasonCode.RATE_LIMITED_USER);
        f.clock.advance(Duration.ofMinutes(61));
        assertReply(decide(linkedinContext(linkedinInvitation("two@inviter.test", EventKind.INVITATION))),
                "two@inviter.test");
    }

    @Test
    void rateLimitedGlobal() throws Exception {
        f.close();
        f = new PolicyFixture(dir.resolve("limited"), 10, 1);
        assertReply(decide(linkedinContext(linkedinInvitation("one@inviter.test", EventKind.INVITATION))),
                "one@inviter.test");

        ReplyContext carol = new ReplyContext(with(PolicyFixture.linkedin(), "Cc", "carol@example.org"),
                "s-1@bounce.linkedin.com", "carol@example.org", Set.of(), Verdict.UNEXPLAINED,
                linkedinInvitation("two@inviter.test", EventKind.INVITATION), ReplySettings.defaults());
        assertSuppressed(decide(carol), ReasonCode.RATE_LIMITED_GLOBAL);
        assertThat(f.ledger.entries("carol@example.org")).as("reservation released").isEmpty();
    }

    @Test
    void dryRun() {
        ReplySettings dry = new ReplySettings(true, true, Set.of(), null, null);
        ReplyDecision decision = decide(directContext(direct(), "bob.martin@inviter.test", dry));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRY_RUN);
        assertThat(decision.target()).isEqualTo("bob.martin@inviter.test");
        assertThat(f.ledger.entries(USER)).isEmpty();
        assertThat(f.limiter.count(USER)).isZero();
        assertReply(decide(directContext(direct())), "bob.martin@inviter.test");
        assertSuppressed(decide(directContext(direct(), "bob.martin@inviter.test", dry)),
                ReasonCode.ALREADY_ANSWERED);
    }

    @Test
    void ledgerUnavailable() throws Exception {
        f.ledger.close();
        ReplyDecision decision = decide(directContext(direct()));

        assertSuppressed(decision, ReasonCode.LEDGER_UNAVAILABLE);
    }
}
