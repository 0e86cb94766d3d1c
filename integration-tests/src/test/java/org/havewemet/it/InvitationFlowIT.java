package org.havewemet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.core.Username;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationFlowIT {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));

    static final OutsideWorld OUTSIDE = new OutsideWorld();

    @RegisterExtension
    static JamesServerExtension james = HaveWeMetJames.extension(OUTSIDE);

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    @BeforeAll
    void createUser(GuiceJamesServer server) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addUser(USER, HaveWeMetJames.PASSWORD);
    }

    @Test
    void mailThatIsNotAnInvitationShouldLandInInboxUnchanged(GuiceJamesServer server) throws Exception {
        String mail = Mails.read("not-invitation.eml");
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("friend@example.com", USER, mail);

        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, HaveWeMetJames.PASSWORD)
            .select(TestIMAPClient.INBOX)
            .awaitMessage(AWAIT);
        String delivered = imap.readFirstMessage();
        assertThat(delivered).contains("Lunch on Friday?").doesNotContain("X-HaveWeMet");
    }
}
