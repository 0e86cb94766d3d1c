package org.havewemet.reply;

import java.util.Set;

import javax.mail.Message;
import javax.mail.internet.MimeMessage;

import org.havewemet.triage.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.reply.PolicyFixture.ALIAS;
import static org.havewemet.reply.PolicyFixture.USER;
import static org.havewemet.reply.PolicyFixture.direct;
import static org.havewemet.reply.PolicyFixture.directContext;
import static org.havewemet.reply.PolicyFixture.linkedinContext;
import static org.havewemet.reply.PolicyFixture.linkedinInvitation;
import static org.havewemet.reply.PolicyFixture.with;

/**
 * Reply policy: the RFC 3834 rules read from the received mail (senders, lists, auto-submitted, spam, addressing)
 * and the per-user exclusions (own address, opt-out, disabled, patterns).
 */
class ReplyPolicyHeaderRulesTest extends PolicyTestSupport {
    // --- RFC 3834 rules on the received mail

    @Test
    void nullSender() {
        assertSuppressed(decide(directContext(direct(), null, ReplySettings.defaults())), ReasonCode.NULL_SENDER);
        assertSuppressed(decide(directContext(direct(), "<>", ReplySettings.defaults())), ReasonCode.NULL_SENDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner-kubernetes-dev@lists.test", "kubernetes-dev-request@lists.test",
        "MAILER-DAEMON@mx.test", "LISTSERV@lists.test", "majordomo@lists.test", "noreply@inviter.test",
        "no-reply@inviter.test", "DoNotReply@inviter.test", "do_not_reply@inviter.test", "team.noreply@inviter.test",
        "bounces+123-abc@em.inviter.test", "postmaster@inviter.test"})
    void machineSender(String sender) {
        assertSuppressed(decide(directContext(direct(), sender, ReplySettings.defaults())),
                ReasonCode.MACHINE_SENDER);
    }

    @Test
    void machineSenderInFromHeader() throws Exception {
        MimeMessage message = direct();
        message.setHeader("From", "Robot <no-reply@inviter.test>");

        assertSuppressed(decide(directContext(message)), ReasonCode.MACHINE_SENDER);
    }

    @Test
    void machineSenderAsPlatformRelayGivesDraft() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation("noreply@linkedin.com",
                EventKind.INVITATION)));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertThat(decision.reason()).isEqualTo(ReasonCode.MACHINE_SENDER);
    }

    @Test
    void listMail() {
        assertSuppressed(decide(directContext(with(direct(), "List-Id", "Kubernetes devs <dev.k8s.lists.test>"))),
                ReasonCode.LIST_MAIL);
        assertSuppressed(decide(directContext(with(direct(), "List-Unsubscribe", "<mailto:leave@lists.test>"))),
                ReasonCode.LIST_MAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto-generated", "auto-replied", "auto-notified", "Auto-Generated (by cron)",
        "auto-generated; owner-email=\"x@lists.test\"", "(no) auto-generated", ""})
    void autoSubmitted(String value) {
        assertSuppressed(decide(directContext(with(direct(), "Auto-Submitted", value))), ReasonCode.AUTO_SUBMITTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "No", "no (sent by a human)", " (comment) no", "no; reason=\"x\""})
    void decideShouldReplyWhenAutoSubmittedIsNo(String value) {
        assertReply(decide(directContext(with(direct(), "Auto-Submitted", value))), "bob.martin@inviter.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk", "Junk", "list", "BULK (newsletter)", "auto_reply"})
    void precedence(String value) {
        assertSuppressed(decide(directContext(with(direct(), "Precedence", value))), ReasonCode.PRECEDENCE);
    }

    @Test
    void decideShouldReplyWhenPrecedenceIsFirstClass() {
        assertReply(decide(directContext(with(direct(), "Precedence", "first-class"))), "bob.martin@inviter.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"All", "OOF", "DR, OOF, AutoReply", "dr,oof", "RN, AutoReply"})
    void autoResponseSuppressed(String value) {
        assertSuppressed(decide(directContext(with(direct(), "X-Auto-Response-Suppress", value))),
                ReasonCode.AUTO_RESPONSE_SUPPRESSED);
    }

    @Test
    void decideShouldReplyWhenAutoResponseSuppressOnlyConcernsReceipts() {
        assertReply(decide(directContext(with(direct(), "X-Auto-Response-Suppress", "DR, RN, NRN"))),
                "bob.martin@inviter.test");
    }

    @Test
    void spamFlagged() {
        assertSuppressed(decide(directContext(with(direct(), "X-Spam-Flag", "YES"))), ReasonCode.SPAM_FLAGGED);
        assertSuppressed(decide(directContext(with(direct(), "X-Spam-Status",
                "Yes, score=7.3 required=5.0 tests=BAYES_99"))), ReasonCode.SPAM_FLAGGED);
        ReplyContext platform = linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.INVITATION));
        with(platform.message(), "X-Spam", "Yes");
        assertSuppressed(decide(platform), ReasonCode.SPAM_FLAGGED);
    }

    @Test
    void decideShouldReplyWhenSpamStatusIsNoAndOwnVerdictHeaderIsForged() {
        MimeMessage message = with(with(direct(), "X-Spam-Status", "No, score=-0.1 required=5.0"),
                "X-HaveWeMet-Verdict", "SUSPICIOUS");
        with(message, "X-Spam-Flag", "NO");

        assertReply(decide(directContext(message)), "bob.martin@inviter.test");
    }

    @Test
    void notAddressedToUser() throws Exception {
        MimeMessage message = direct();
        message.setRecipients(Message.RecipientType.TO, "everyone@lists.test");
        assertSuppressed(decide(directContext(message)), ReasonCode.NOT_ADDRESSED_TO_USER);

        MimeMessage undisclosed = direct();
        undisclosed.setHeader("To", "undisclosed-recipients:;");
        assertSuppressed(decide(directContext(undisclosed)), ReasonCode.NOT_ADDRESSED_TO_USER);

        ReplyContext platform = linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.INVITATION));
        platform.message().setRecipients(Message.RecipientType.TO, "someone.else@example.org");
        assertSuppressed(decide(platform), ReasonCode.NOT_ADDRESSED_TO_USER);
    }

    @Test
    void decideShouldReplyWhenUserIsAddressedByAliasOrResentOrBcc() throws Exception {
        MimeMessage cc = direct();
        cc.setHeader("To", "Team <team@example.org>, friends: A.Example@Example.org;");
        assertReply(decide(directContext(cc)), "bob.martin@inviter.test");

        f.ledger.erase("bob.martin@inviter.test");
        MimeMessage resent = direct();
        resent.setHeader("To", "old@elsewhere.test");
        resent.setHeader("Resent-To", USER);
        assertReply(decide(directContext(resent)), "bob.martin@inviter.test");

        f.ledger.erase("bob.martin@inviter.test");
        MimeMessage bcc = direct();
        bcc.setHeader("To", "other@elsewhere.test");
        bcc.setHeader("Bcc", "<ALICE@example.org>");
        assertReply(decide(directContext(bcc)), "bob.martin@inviter.test");
    }

    @Test
    void ownAddress() {
        assertSuppressed(decide(directContext(direct(), ALIAS, ReplySettings.defaults())), ReasonCode.OWN_ADDRESS);
        assertSuppressed(decide(linkedinContext(linkedinInvitation("Alice@Example.org", EventKind.INVITATION))),
                ReasonCode.OWN_ADDRESS);
    }

    @Test
    void optedOut() {
        ReplySettings settings = new ReplySettings(true, false, Set.of("ALICE@example.org"), null, null);
        assertSuppressed(decide(withSettings(directContext(direct()), settings)), ReasonCode.OPTED_OUT);
    }

    @Test
    void disabled() {
        ReplySettings settings = new ReplySettings(false, false, Set.of(), null, null);
        assertSuppressed(decide(withSettings(directContext(direct()), settings)), ReasonCode.DISABLED);
    }

    @Test
    void pattern() {
        ReplySettings targets = new ReplySettings(true, false, Set.of(), a -> a.endsWith("@inviter.test"), null);
        assertSuppressed(decide(withSettings(directContext(direct()), targets)), ReasonCode.PATTERN);
        ReplyContext platform = linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.INVITATION));
        assertSuppressed(decide(withSettings(platform, targets)), ReasonCode.PATTERN);

        ReplySettings envelope = new ReplySettings(true, false, Set.of(), a -> a.startsWith("bounce-relay"), null);
        ReplyContext relayed = directContext(direct(), "bounce-relay@inviter.test", envelope);
        relayed = withInvitation(relayed, PolicyFixture.directInvitation("bob.martin@inviter.test"));
        assertSuppressed(decide(relayed), ReasonCode.MACHINE_SENDER);
        ReplySettings custom = new ReplySettings(true, false, Set.of(), a -> a.startsWith("sales@"), null);
        ReplyContext sales = withInvitation(directContext(direct(), "sales@inviter.test", custom),
                PolicyFixture.directInvitation("bob.martin@inviter.test"));
        assertSuppressed(decide(sales), ReasonCode.PATTERN);
    }

}
