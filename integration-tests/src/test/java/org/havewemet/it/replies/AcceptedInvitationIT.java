package org.havewemet.it.replies;

import java.time.Duration;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

/**
 * "Jane Roe accepted your invitation": a thank-you draft asking for a short call, never a sent mail; a spoofed one
 * (SUSPICIOUS) goes to Spam with no draft at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcceptedInvitationIT {
    static final String SPOOFED = "sam@" + HaveWeMetJames.DOMAIN;

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER, SPOOFED);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    @Test
    void acceptedInvitationShouldSaveAThankYouDraftAskingForAShortCall(GuiceJamesServer server) throws Exception {
        int imapPort = server.getProbe(ImapGuiceProbe.class).getImapPort();
        String id = "<1763887260000.accept.2026.jr1@ltx1-app7.prod.linkedin.com>";

        ReplyIt.send(server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue(), "s-9f8e7d@bounce.linkedin.com",
            USER, ReplyIt.read("replies/linkedin-accepted.eml"));

        ReplyIt.awaitDelivered(imapPort, USER, id);
        MimeMessage draft = ReplyIt.awaitMessage(imapPort, USER, "Drafts", "ALL");
        assertThat(draft.getAllRecipients()).as("a draft is addressed to nobody").isNull();
        assertThat(draft.getSubject()).containsIgnoringCase("thank you");
        assertThat(String.valueOf(draft.getContent())).contains("Jane Roe").contains("5 to 10 minutes")
            .containsIgnoringCase("call").contains("https://www.linkedin.com/comm/in/jane-roe-2a1b3c");
        imap.connect("127.0.0.1", imapPort).login(USER, HaveWeMetJames.PASSWORD).select("Drafts");
        assertThat(imap.hasAMessageWithFlags("\\Draft")).isTrue();
        ReplyIt.awaitStatus(server.getProbe(HaveWeMetProbe.class).runtime(), USER, id, "drafted/ACCEPTED_THANK_YOU");
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
            .until(() -> OUTSIDE.received().isEmpty());
    }

    @Test
    void lookalikeAcceptedNoticeShouldGoToSpamWithoutAThankYouDraft(GuiceJamesServer server) throws Exception {
        int imapPort = server.getProbe(ImapGuiceProbe.class).getImapPort();
        String id = "<1763889120000.accept.2026.jr7@ltx1-app7.prod.linkedin.com>";

        ReplyIt.send(server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue(), "s-1a2b@bounce.linkedln-mail.test",
            SPOOFED, ReplyIt.read("replies/lookalike-accepted.eml"));

        assertThat(ReplyIt.awaitDelivered(imapPort, SPOOFED, id)).isEqualTo("Spam");
        ReplyIt.awaitStatus(server.getProbe(HaveWeMetProbe.class).runtime(), SPOOFED, id,
            "suppressed/VERDICT_SUSPICIOUS");
        imap.connect("127.0.0.1", imapPort).login(SPOOFED, HaveWeMetJames.PASSWORD);
        assertThat(imap.getMessageCount("Drafts")).as("drafts of the spoofed user").isZero();
        assertThat(OUTSIDE.received()).isEmpty();
    }
}
