package org.havewemet.reply;

import java.nio.file.Path;

import org.havewemet.triage.Invitation;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up of the reply policy tests (one class per rule family): a policy over a real ledger in a temp dir. */
abstract class PolicyTestSupport {
    @TempDir
    Path dir;
    PolicyFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new PolicyFixture(dir, 10, 100);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    ReplyDecision decide(ReplyContext ctx) {
        return f.policy.decideAndReserve(ctx);
    }

    static ReplyContext withVerdict(ReplyContext c, Verdict verdict) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), verdict, c.invitation(),
                c.settings());
    }

    static ReplyContext withInvitation(ReplyContext c, Invitation invitation) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), c.verdict(), invitation,
                c.settings());
    }

    static ReplyContext withSettings(ReplyContext c, ReplySettings settings) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), c.verdict(),
                c.invitation(), settings);
    }

    static void assertSuppressed(ReplyDecision decision, ReasonCode code) {
        assertThat(decision.kind()).as(decision.toString()).isEqualTo(ReplyDecision.Kind.SUPPRESS);
        assertThat(decision.reason()).as(decision.toString()).isEqualTo(code);
    }

    static void assertReply(ReplyDecision decision, String to) {
        assertThat(decision.kind()).as(decision.toString()).isEqualTo(ReplyDecision.Kind.REPLY);
        assertThat(decision.target()).isEqualTo(to);
    }
}
