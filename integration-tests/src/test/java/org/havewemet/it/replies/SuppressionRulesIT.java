package org.havewemet.it.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

import java.util.Collections;
import java.util.List;

import javax.mail.Header;
import javax.mail.internet.MimeMessage;

import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every rule that keeps a "Have we met?" reply from being sent, one test each, through a real James: an unexplained
 * direct request that breaks the rule must reach the user's mailbox, be recorded as {@code suppressed/<CODE>} in
 * the index, and produce no mail at the outside world. Each test uses its own inviter, so the once-per-period
 * ledger never hides a rule. The positive tests show the request would otherwise have been answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuppressionRulesIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @Test
    void unexplainedDirectRequestShouldBeAnswered() throws Exception {
        assertAnswered("control.person@example.org", ReplyIt.directRequest("control.person@example.org",
            "<sr-control@mail.example.org>"), "<sr-control@mail.example.org>");
    }

    @Test
    void nullReversePathShouldNeverBeAnswered() throws Exception {
        String id = "<sr-null@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "", USER, ReplyIt.directRequest("null.path@example.org", id));
        assertSuppressed(id, "null.path@example.org", "NULL_SENDER");
    }

    @Test
    void ownerAddressShouldNeverBeAnswered() throws Exception {
        assertMachineSender("owner-devlist@lists.example.org", "<sr-owner@mail.example.org>");
    }

    @Test
    void requestAddressShouldNeverBeAnswered() throws Exception {
        assertMachineSender("devlist-request@lists.example.org", "<sr-request@mail.example.org>");
    }

    @Test
    void mailerDaemonShouldNeverBeAnswered() throws Exception {
        assertMachineSender("MAILER-DAEMON@mx.example.org", "<sr-daemon@mail.example.org>");
    }

    @Test
    void listservShouldNeverBeAnswered() throws Exception {
        assertMachineSender("LISTSERV@lists.example.org", "<sr-listserv@mail.example.org>");
    }

    @Test
    void majordomoShouldNeverBeAnswered() throws Exception {
        assertMachineSender("majordomo@lists.example.org", "<sr-majordomo@mail.example.org>");
    }

    @Test
    void noreplyAddressShouldNeverBeAnswered() throws Exception {
        assertMachineSender("team.no-reply@example.org", "<sr-noreply@mail.example.org>");
    }

    @Test
    void noreplyFromHeaderShouldNeverBeAnsweredEvenWithAPersonalEnvelopeSender() throws Exception {
        String id = "<sr-noreply-from@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("noreply@example.org", id), "From",
            "From: Example Team <noreply@example.org>");
        ReplyIt.send(JAMES.smtpPort(), "real.person.nr@example.org", USER, mail);
        assertSuppressed(id, "real.person.nr@example.org", "MACHINE_SENDER");
    }

    @Test
    void listIdHeaderShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("list.id@example.org", "LIST_MAIL", "List-Id: Developers <dev.lists.example.org>");
    }

    @Test
    void listUnsubscribeHeaderShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("list.unsub@example.org", "LIST_MAIL",
            "List-Unsubscribe: <mailto:leave@lists.example.org>");
    }

    @Test
    void autoSubmittedAutoRepliedShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("auto.replied@example.org", "AUTO_SUBMITTED", "Auto-Submitted: auto-replied");
    }

    @Test
    void autoSubmittedWithParametersAndCommentsShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("auto.generated@example.org", "AUTO_SUBMITTED",
            "Auto-Submitted: (sent by our CRM) Auto-Generated; type=campaign (batch 7)");
    }

    @Test
    void autoSubmittedNoWithCommentShouldBeAnswered() throws Exception {
        String id = "<sr-autono@mail.example.org>";
        assertAnswered("auto.no@example.org", ReplyIt.withHeaders(ReplyIt.directRequest("auto.no@example.org", id),
            "Auto-Submitted: no (typed by a person)"), id);
    }

    @Test
    void precedenceBulkShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("prec.bulk@example.org", "PRECEDENCE", "Precedence: bulk");
    }

    @Test
    void precedenceJunkShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("prec.junk@example.org", "PRECEDENCE", "Precedence: junk");
    }

    @Test
    void precedenceListShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("prec.list@example.org", "PRECEDENCE", "Precedence: List");
    }

    @Test
    void xAutoResponseSuppressAllShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("xars.all@example.org", "AUTO_RESPONSE_SUPPRESSED", "X-Auto-Response-Suppress: All");
    }

    @Test
    void xAutoResponseSuppressOofShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("xars.oof@example.org", "AUTO_RESPONSE_SUPPRESSED",
            "X-Auto-Response-Suppress: DR, OOF");
    }

    @Test
    void spamFlaggedMailShouldNeverBeAnswered() throws Exception {
        assertHeaderSuppresses("spam.flagged@example.org", "SPAM_FLAGGED", "X-Spam-Flag: YES");
    }

    @Test
    void requestNotAddressedToTheUserShouldNeverBeAnswered() throws Exception {
        String id = "<sr-notaddressed@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("not.addressed@example.org", id), "To",
            "To: undisclosed-recipients:;");
        ReplyIt.send(JAMES.smtpPort(), "not.addressed@example.org", USER, mail);
        assertSuppressed(id, "not.addressed@example.org", "NOT_ADDRESSED_TO_USER");
    }

    @Test
    void requestWithTheUserOnlyInResentToShouldBeAnswered() throws Exception {
        String id = "<sr-resent@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("resent.to@example.org", id), "To",
            "To: colleague@example.org\r\nResent-To: " + USER + "\r\nResent-From: colleague@example.org");
        assertAnswered("resent.to@example.org", mail, id);
    }

    @Test
    void requestWithTheUserOnlyInCcShouldBeAnswered() throws Exception {
        String id = "<sr-cc@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("cc.only@example.org", id), "To",
            "To: colleague@example.org\r\nCc: " + USER);
        assertAnswered("cc.only@example.org", mail, id);
    }

    @Test
    void theUsersOwnAddressAsSenderShouldNeverBeAnswered() throws Exception {
        String id = "<sr-own@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest(USER, id), "From", "From: Demo <" + USER + ">");
        ReplyIt.send(JAMES.smtpPort(), USER, USER, mail);
        ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id);
        // Mail from a local user passes RecordCorrespondents first, which makes the user their own correspondent:
        // the request is KNOWN before the reply policy's OWN_ADDRESS rule is reached (that rule is proven with an
        // alias in ConfiguredRepliesIT).
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/VERDICT_KNOWN");
        ReplyIt.assertNothingReaches(OUTSIDE, USER);
    }

    @Test
    void suspiciousInvitationShouldNeverBeAnswered() throws Exception {
        String id = "<9f8e7d6c@mail.linnkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), "bounce@linnkedin.com", USER, ReplyIt.read("phishing-lookalike.eml"));
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id)).isEqualTo("Spam");
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/VERDICT_SUSPICIOUS");
        ReplyIt.assertNothingReaches(OUTSIDE, "linnkedin");
    }

    @Test
    void personalRequestShouldNeverBeAnswered() throws Exception {
        String id = "<direct-personal-1@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "ines.varga@example.org", USER, ReplyIt.read("replies/direct-personal.eml"));
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id)).isEqualTo("Invitations.Priority");
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/VERDICT_PERSONAL");
        ReplyIt.assertNothingReaches(OUTSIDE, "ines.varga@example.org");
    }

    @Test
    void requestFromAKnownCorrespondentShouldNeverBeAnswered() throws Exception {
        String outgoing = "From: Demo <" + USER + ">\r\nTo: Karl Known <karl.known@example.net>\r\n"
            + "Subject: Agenda for Thursday\r\nMessage-ID: <sr-demo-writes@havewemet.test>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nSee you Thursday.\r\n";
        ReplyIt.send(JAMES.smtpPort(), USER, "karl.known@example.net", outgoing);
        ReplyIt.awaitReplies(OUTSIDE, "karl.known@example.net", 1);

        String id = "<sr-known@mail.example.net>";
        ReplyIt.send(JAMES.smtpPort(), "karl.known@example.net", USER, ReplyIt.directRequest("karl.known@example.net", id));
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id)).isEqualTo("Invitations.Priority");
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/VERDICT_KNOWN");
        ReplyIt.await().during(ReplyIt.QUIET).until(() -> OUTSIDE.receivedBy("karl.known@example.net").size() == 1);
    }

    @Test
    void encodedCrLfInTheInvitersNameShouldNotAddHeadersToTheReply() throws Exception {
        String id = "<direct-crlf-1@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "crlf.bob@example.org", USER, ReplyIt.read("replies/direct-crlf-display-name.eml"));
        MimeMessage reply = ReplyIt.awaitReplies(OUTSIDE, "crlf.bob@example.org", 1).get(0);
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "replied/");

        assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("crlf.bob@example.org");
        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getHeader("Cc")).isNull();
        List<String> names = Collections.list(reply.getAllHeaders()).stream().map(Header::getName).toList();
        assertThat(names).doesNotContain("Bcc", "bcc", "BCC").filteredOn("To"::equalsIgnoreCase).hasSize(1);
        for (Header header : Collections.list(reply.getAllHeaders())) {
            assertThat(header.getValue()).as(header.getName()).doesNotContain("evil");
        }
        ReplyIt.assertNothingReaches(OUTSIDE, "evil");
    }

    private void assertMachineSender(String machine, String id) throws Exception {
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest(machine, id), "From", "From: " + machine);
        ReplyIt.send(JAMES.smtpPort(), machine, USER, mail);
        assertSuppressed(id, machine, "MACHINE_SENDER");
    }

    private void assertHeaderSuppresses(String inviter, String code, String... headers) throws Exception {
        String id = "<sr-" + inviter.substring(0, inviter.indexOf('@')) + "@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), inviter, USER, ReplyIt.withHeaders(ReplyIt.directRequest(inviter, id), headers));
        assertSuppressed(id, inviter, code);
    }

    /**
     * A suppression rule decides only whether we answer, never how the mail is filed: every request here is an
     * unexplained invitation (the rules look at the envelope and headers, the verdict at the note), so it must land in
     * the unexplained folder, whichever rule kept the reply from being sent.
     */
    private void assertSuppressed(String id, String inviter, String code) {
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id)).as("folder of %s (%s)", id, code)
            .isEqualTo("Invitations.Unexplained");
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/" + code);
        ReplyIt.assertNothingReaches(OUTSIDE, inviter);
    }

    private void assertAnswered(String inviter, String mail, String id) throws Exception {
        ReplyIt.send(JAMES.smtpPort(), inviter, USER, mail);
        List<MimeMessage> replies = ReplyIt.awaitReplies(OUTSIDE, inviter, 1);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).getHeader("In-Reply-To", null)).isEqualTo(id);
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "replied/");
    }
}
