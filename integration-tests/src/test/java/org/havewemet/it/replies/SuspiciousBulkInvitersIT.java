package org.havewemet.it.replies;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bulk.verdict: suspicious} through a real James (issue 15, part 2): when the third user's invitation makes
 * the inviter a mass inviter ({@code bulk.users: 3}), the invitations already filed in the first two users'
 * unexplained folders are moved to their Spam and become SUSPICIOUS in the index; the third goes to Spam unanswered.
 */
class SuspiciousBulkInvitersIT {
    static final String DOMAIN = HaveWeMetJames.DOMAIN;

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(BulkInvitersIT.user(1), BulkInvitersIT.user(2),
        BulkInvitersIT.user(3)).yaml(HaveWeMetJames.TEST_YAML + "bulk:\n  users: 3\n  verdict: suspicious\n");

    private static void invite(int n) throws Exception {
        String user = BulkInvitersIT.user(n);
        String notice = ReplyIt.replaceHeader(ReplyIt.read("linkedin-2016-unexplained.eml")
            .replace("<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>", BulkInvitersIT.id(n)), "To",
            "To: " + user);
        ReplyIt.send(JAMES.smtpPort(), "s-1a2b3c@bounce.linkedin.com", user, notice);
    }

    @Test
    void mailsAlreadyFiledShouldBeMovedToSpamWhenTheInviterBecomesAMassInviter() throws Exception {
        for (int n = 1; n <= 2; n++) {
            invite(n);
            ReplyIt.awaitStatus(JAMES.runtime(), BulkInvitersIT.user(n), BulkInvitersIT.id(n),
                "drafted/NO_REPLY_ADDRESS");
            assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), BulkInvitersIT.user(n), BulkInvitersIT.id(n)))
                .isEqualTo("Invitations.Unexplained");
        }

        invite(3);
        ReplyIt.await().ignoreExceptions().untilAsserted(() -> assertThat(ReplyIt.record(JAMES.runtime(),
            BulkInvitersIT.user(3), BulkInvitersIT.id(3)).orElseThrow().replyStatus()).as("never answered")
            .isEqualTo("suppressed"));
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), BulkInvitersIT.user(3), BulkInvitersIT.id(3)))
            .isEqualTo("Spam");

        ReplyIt.await().untilAsserted(() -> {
            for (int n = 1; n <= 2; n++) {
                String user = BulkInvitersIT.user(n);
                assertThat(ReplyIt.foldersHolding(JAMES.imapPort(), user, BulkInvitersIT.id(n))).as(user)
                    .containsExactly("Spam");
                assertThat(ReplyIt.record(JAMES.runtime(), user, BulkInvitersIT.id(n)).orElseThrow())
                    .satisfies(r -> assertThat(r.verdict()).isEqualTo("SUSPICIOUS"))
                    .satisfies(r -> assertThat(r.reasons()).contains("BULK_INVITER"))
                    .satisfies(r -> assertThat(r.correction()).as("not a user's correction").isNull());
            }
        });
    }
}
