package org.havewemet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.index.SearchResult;
import org.havewemet.index.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The thin end-to-end path: SMTP in, our mailet, IMAP folders, a reply at the outside world, the index on disk. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationFlowIT {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;
    static final String PLATFORM_BOUNCE = "s-1a2b3c@bounce.linkedin.com";
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100));

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    @Test
    void mailThatIsNotAnInvitationShouldLandInInboxUnchanged(GuiceJamesServer server) throws Exception {
        send(server, "friend@example.com", "not-invitation.eml");

        awaitSubject(server, TestIMAPClient.INBOX, "Lunch on Friday?", 1);
        String headers = imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])");
        assertThat(headers).contains("Lunch on Friday?").doesNotContainIgnoringCase("X-HaveWeMet");
    }

    @Test
    void unexplainedLinkedInNoticeShouldBeFiledAsUnexplainedWithVerdictHeaderAndADraft(GuiceJamesServer server)
        throws Exception {
        send(server, PLATFORM_BOUNCE, "linkedin-2016-unexplained.eml");

        awaitSubject(server, "Invitations.Unexplained", "Jane Roe wants to connect", 1);
        assertThat(imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])"))
            .contains("X-HaveWeMet-Verdict: UNEXPLAINED").contains("Jane Roe");

        imap.select("Drafts").awaitMessage(AWAIT);
        assertThat(imap.hasAMessageWithFlags("\\Draft")).isTrue();
        MimeMessage draft = Mails.parseFetched(imap.readFirstMessage());
        assertThat(draft.getHeader("X-HaveWeMet-Draft", null)).isEqualTo("true");
        assertThat(draft.getAllRecipients()).as("a draft is addressed to nobody").isNull();
        assertThat((String) draft.getContent()).contains("Jane Roe").contains("LinkedIn")
            .contains("https://www.linkedin.com/comm/profile/view?id=AAsAAA123");
        assertThat(OUTSIDE.receivedBy("bounce.linkedin.com")).as("a platform notice is never answered at the platform")
            .isEmpty();
    }

    @Test
    void personalLinkedInNoticeShouldBeFiledInPriority(GuiceJamesServer server) throws Exception {
        send(server, PLATFORM_BOUNCE, "linkedin-2016-personal.eml");

        awaitSubject(server, "Invitations.Priority", "Carlos Mendes wants to connect", 1);
        assertThat(imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])"))
            .contains("X-HaveWeMet-Verdict: PERSONAL").contains("Carlos Mendes");
    }

    @Test
    void unexplainedDirectRequestShouldGetExactlyOneReplyPerPeriod(GuiceJamesServer server) throws Exception {
        send(server, "bob.stranger@example.org", "direct-unexplained.eml");

        AWAIT.until(() -> OUTSIDE.receivedBy("bob.stranger@example.org").size() == 1);
        MimeMessage reply = OUTSIDE.receivedBy("bob.stranger@example.org").get(0);
        assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<direct-2016-c3@mail.example.org>");
        assertThat(reply.getHeader("References", null)).contains("<direct-2016-c3@mail.example.org>");
        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("bob.stranger@example.org");
        assertThat(reply.getFrom()[0].toString()).contains(USER);
        assertThat(reply.getSubject()).startsWith("Auto:");
        String returnPath = reply.getHeader("Return-Path", null);
        if (returnPath != null) {
            assertThat(returnPath).as("null reverse path").isEqualTo("<>");
        }

        send(server, "bob.stranger@example.org", "direct-unexplained.eml");
        awaitSubject(server, "Invitations.Unexplained", "Invitation to connect on LinkedIn", 2);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
            .until(() -> OUTSIDE.receivedBy("bob.stranger@example.org").size() == 1);
    }

    @Test
    void invitationFromSomeoneTheUserWroteToShouldBeKnownAndFiledInPriority(GuiceJamesServer server) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders(USER, "carol.known@example.net", Mails.read("demo-writes-to-carol.eml"));
        AWAIT.until(() -> OUTSIDE.received().stream().anyMatch(m -> subjectOf(m).equals("Minutes of Tuesday")));

        send(server, "carol.known@example.net", "direct-from-correspondent.eml");

        awaitSubject(server, "Invitations.Priority", "Invitation to connect on LinkedIn", 1);
        assertThat(imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])")).contains("X-HaveWeMet-Verdict: KNOWN");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
            .until(() -> OUTSIDE.receivedBy("carol.known@example.net").stream()
                .noneMatch(m -> subjectOf(m).startsWith("Auto:")));
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (javax.mail.MessagingException e) {
            return "";
        }
    }

    @Test
    void digestShouldListNewInvitationsWithProfileLinks(GuiceJamesServer server) throws Exception {
        send(server, PLATFORM_BOUNCE, "linkedin-2016-unexplained.eml");
        awaitSubject(server, "Invitations.Unexplained", "Jane Roe wants to connect", 1);

        int items = server.getProbe(HaveWeMetProbe.class).runtime().sendDigest(USER);

        assertThat(items).isGreaterThanOrEqualTo(1);
        awaitSubject(server, TestIMAPClient.INBOX, "Your connection invitations", 1);
        String inbox = imap.sendCommand("FETCH 1:* (BODY.PEEK[TEXT])");
        assertThat(inbox).contains("Jane Roe").contains("linkedin.com/comm/profile/view");
    }

    @Test
    void lookalikePhishingShouldGoToSpamAndNeverBeAnswered(GuiceJamesServer server) throws Exception {
        send(server, "bounce@linnkedin.com", "phishing-lookalike.eml");

        awaitSubject(server, "Spam", "Maria Ortega wants to connect", 1);
        assertThat(imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])")).contains("X-HaveWeMet-Verdict: SUSPICIOUS");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
            .until(() -> OUTSIDE.receivedBy("linnkedin").isEmpty());
    }

    @Test
    void explainedAnswerShouldMoveTheInvitationAndTheAnswerToPriority(GuiceJamesServer server) throws Exception {
        String request = Mails.read("direct-unexplained.eml")
            .replace("bob.stranger@example.org", "dana.asks@example.org")
            .replace("Bob Stranger", "Dana Asks")
            .replace("<direct-2016-c3@mail.example.org>", "<direct-dana-1@mail.example.org>");
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("dana.asks@example.org", USER, request);
        AWAIT.until(() -> OUTSIDE.receivedBy("dana.asks@example.org").size() == 1);
        String ourReplyId = OUTSIDE.receivedBy("dana.asks@example.org").get(0).getMessageID();

        String answer = "From: Dana Asks <dana.asks@example.org>\r\n"
            + "To: demo@havewemet.test\r\n"
            + "Subject: Re: Have we met?\r\n"
            + "Message-ID: <answer-dana-1@mail.example.org>\r\n"
            + "In-Reply-To: " + ourReplyId + "\r\n"
            + "References: <direct-dana-1@mail.example.org> " + ourReplyId + "\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Hi! We met at KubeCon in Paris last spring, at the booth of the storage working group.\r\n"
            + "I work on mail archiving and would like to compare notes.\r\n";
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("dana.asks@example.org", USER, answer);

        awaitSubject(server, "Invitations.Priority", "Re: Have we met?", 1);
        awaitSubject(server, "Invitations.Priority", "Invitation to connect on LinkedIn", 1);
        assertThat(imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])")).contains("X-HaveWeMet-Answer: SHARED_CONTEXT");
        var hits = server.getProbe(HaveWeMetProbe.class).runtime().index()
            .search(USER, "from:dana.asks@example.org", SortOrder.DATE, 10, 0).hits();
        assertThat(hits).extracting(hit -> hit.record().verdict() + "/" + hit.record().replyStatus())
            .containsExactly("PERSONAL/answered");
    }

    @Test
    void forgedVerdictHeadersShouldBeRemoved(GuiceJamesServer server) throws Exception {
        send(server, "friend@example.com", "forged-verdict-header.eml");

        awaitSubject(server, TestIMAPClient.INBOX, "Notes from the meeting", 1);
        String headers = imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER])");
        assertThat(headers).contains("Notes from the meeting").doesNotContain("TRUST_ME");
    }

    @Test
    void indexShouldHoldADocumentPerProcessedInvitation(GuiceJamesServer server) throws Exception {
        send(server, PLATFORM_BOUNCE, "linkedin-2016-unexplained.eml");
        send(server, PLATFORM_BOUNCE, "linkedin-2016-personal.eml");

        AWAIT.until(() -> {
            try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(JAMES.indexDirectory())) {
                SearchResult roe = index.search(USER, "name:Roe", SortOrder.DATE, 10, 0);
                SearchResult mendes = index.search(USER, "name:Mendes", SortOrder.DATE, 10, 0);
                return roe.total() == 1 && mendes.total() == 1;
            } catch (Exception notYetCommitted) {
                return false;
            }
        });
        try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(JAMES.indexDirectory())) {
            SearchResult personal = index.search(USER, "verdict:PERSONAL", SortOrder.DATE, 10, 0);
            assertThat(personal.hits()).extracting(hit -> hit.record().inviterName()).contains("Carlos Mendes");
            assertThat(index.search("someone-else@havewemet.test", "Roe", SortOrder.DATE, 10, 0).total()).isZero();
        }
    }

    private void send(GuiceJamesServer server, String envelopeSender, String mail) throws Exception {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders(envelopeSender, USER, Mails.read(mail));
    }

    /** Waits until {@code folder} holds at least {@code count} messages whose Subject contains the text. */
    private void awaitSubject(GuiceJamesServer server, String folder, String subject, int count) throws Exception {
        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, HaveWeMetJames.PASSWORD);
        AWAIT.ignoreExceptions().until(() -> {
            // commons-net cannot parse every literal-bearing FETCH answer; a failed poll is simply retried
            if (imap.getMessageCount(folder) == 0) {
                return false;
            }
            imap.select(folder);
            String subjects = imap.sendCommand("FETCH 1:* (BODY.PEEK[HEADER.FIELDS (SUBJECT)])");
            return subjects.split(java.util.regex.Pattern.quote(subject), -1).length - 1 >= count;
        });
    }
}
