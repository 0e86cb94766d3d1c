package org.havewemet.it.replies;

import static org.havewemet.it.replies.ReplyIt.USER;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code replies.dryRun: true}: every decision is made and recorded, and nothing is sent. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DryRunRepliesIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER)
        .yaml(HaveWeMetJames.TEST_YAML + "replies:\n  dryRun: true\n");
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @Test
    void dryRunShouldSendNothingAndRecordWhatItWouldHaveDone(GuiceJamesServer server) throws Exception {
        HaveWeMetRuntime runtime = server.getProbe(HaveWeMetProbe.class).runtime();
        int smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        String id = "<dry-run-1@mail.example.org>";

        ReplyIt.send(smtpPort, "dry.asker@example.org", USER, ReplyIt.directRequest("dry.asker@example.org", id));

        ReplyIt.awaitDelivered(server.getProbe(ImapGuiceProbe.class).getImapPort(), USER, id);
        ReplyIt.awaitStatus(runtime, USER, id, "dry-run/would reply");
        ReplyIt.assertNothingReaches(OUTSIDE, "dry.asker@example.org");
        org.assertj.core.api.Assertions.assertThat(runtime.ledger().entries(USER))
            .as("a dry run reserves nothing in the ledger").isEmpty();
    }
}
