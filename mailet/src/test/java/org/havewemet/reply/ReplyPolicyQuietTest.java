package org.havewemet.reply;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Deliveries to shared addresses (role, group) are filed quietly: never a reply, never a draft, nothing reserved. */
class ReplyPolicyQuietTest extends PolicyTestSupport {
    @Test
    void roleAddressShouldSuppressWhenTheRequestWouldOtherwiseBeAnswered() {
        ReplyContext answerable = PolicyFixture.directContext(PolicyFixture.direct());
        assertThat(f.policy.decide(answerable).kind()).isEqualTo(ReplyDecision.Kind.REPLY);

        assertSuppressed(decide(answerable.quietly(ReasonCode.ROLE_ADDRESS)), ReasonCode.ROLE_ADDRESS);
        assertThat(f.ledger.entries(PolicyFixture.USER)).as("nothing reserved").isEmpty();
    }

    @Test
    void groupAddressShouldSuppressWhenThePlatformNoticeWouldOtherwiseBeDrafted() {
        ReplyContext draftable = PolicyFixture.linkedinContext(PolicyFixture.linkedinInvitation(null,
            EventKind.INVITATION));
        assertThat(f.policy.decide(draftable).kind()).isEqualTo(ReplyDecision.Kind.DRAFT);

        assertSuppressed(decide(draftable.quietly(ReasonCode.GROUP_ADDRESS)), ReasonCode.GROUP_ADDRESS);
        assertThat(f.ledger.entries(PolicyFixture.USER)).isEmpty();
    }

    @Test
    void quietShouldComeBeforeTheVerdictWhenTheVerdictIsNotUnexplained() {
        ReplyContext personal = withVerdict(PolicyFixture.directContext(PolicyFixture.direct()),
            Verdict.PERSONAL);
        assertSuppressed(decide(personal.quietly(ReasonCode.ROLE_ADDRESS)), ReasonCode.ROLE_ADDRESS);
    }
}
