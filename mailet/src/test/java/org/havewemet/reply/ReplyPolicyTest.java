package org.havewemet.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.reply.PolicyFixture.ALIAS;
import static org.havewemet.reply.PolicyFixture.USER;
import static org.havewemet.reply.PolicyFixture.direct;
import static org.havewemet.reply.PolicyFixture.directContext;
import static org.havewemet.reply.PolicyFixture.linkedinContext;
import static org.havewemet.reply.PolicyFixture.linkedinInvitation;
import static org.havewemet.reply.PolicyFixture.with;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import javax.mail.Message;
import javax.mail.internet.MimeMessage;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyPolicyTest {
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

    private ReplyDecision decide(ReplyContext ctx) {
        return f.policy.decide(ctx);
    }

    private static ReplyContext withVerdict(ReplyContext c, Verdict verdict) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), verdict, c.invitation(),
                c.settings());
    }

    private static ReplyContext withInvitation(ReplyContext c, Invitation invitation) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), c.verdict(), invitation,
                c.settings());
    }

    private static ReplyContext withSettings(ReplyContext c, ReplySettings settings) {
        return new ReplyContext(c.message(), c.envelopeSender(), c.user(), c.userAliases(), c.verdict(),
                c.invitation(), settings);
    }

    private static void assertSuppressed(ReplyDecision decision, ReasonCode code) {
        assertThat(decision.kind()).as(decision.toString()).isEqualTo(ReplyDecision.Kind.SUPPRESS);
        assertThat(decision.reason()).as(decision.toString()).isEqualTo(code);
    }

    private static void assertReply(ReplyDecision decision, String to) {
        assertThat(decision.kind()).as(decision.toString()).isEqualTo(ReplyDecision.Kind.REPLY);
        assertThat(decision.target()).isEqualTo(to);
    }

    // --- the baselines: what does get an answer

    @Test
    void decideShouldReplyToSenderWhenDirectRequestIsCleanAndUnexplained() {
        ReplyDecision decision = decide(directContext(direct()));

        assertReply(decision, "bob.martin@inviter.test");
        assertThat(decision.inviterKey()).isEqualTo("bob.martin@inviter.test");
        assertThat(f.limiter.count(USER)).isEqualTo(1);
    }

    @Test
    void decideShouldReplyToInviterNotReturnPathWhenPlatformNoticeHasReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation("Bob.Martin@inviter.test",
                EventKind.INVITATION)));

        assertReply(decision, "bob.martin@inviter.test");
    }

    @Test
    void decideShouldIgnoreListAndPrecedenceHeadersWhenPlatformNoticeHasReplyAddress() {
        ReplyContext ctx = linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.REMINDER));
        with(ctx.message(), "Auto-Submitted", "auto-generated");

        assertReply(decide(ctx), "bob.martin@inviter.test");
    }

    // --- verdicts and events

    @Test
    void verdictSuspicious() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.SUSPICIOUS)),
                ReasonCode.VERDICT_SUSPICIOUS);
    }

    @Test
    void verdictPersonal() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.PERSONAL)), ReasonCode.VERDICT_PERSONAL);
    }

    @Test
    void verdictKnown() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.KNOWN)), ReasonCode.VERDICT_KNOWN);
    }

    @Test
    void verdictNotInvitation() {
        assertSuppressed(decide(withVerdict(directContext(direct()), Verdict.NOT_INVITATION)),
                ReasonCode.VERDICT_NOT_INVITATION);
    }

    @Test
    void noInvitation() {
        assertSuppressed(decide(withInvitation(directContext(direct()), null)), ReasonCode.NO_INVITATION);
    }

    @Test
    void eventNotAnswerable() {
        assertSuppressed(decide(linkedinContext(linkedinInvitation("bob.martin@inviter.test", EventKind.ACCEPTED))),
                ReasonCode.EVENT_NOT_ANSWERABLE);
    }

    // --- drafts

    @Test
    void noReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation(null, EventKind.INVITATION)));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertThat(decision.reason()).isEqualTo(ReasonCode.NO_REPLY_ADDRESS);
        assertThat(decision.target()).isNull();
        assertThat(decision.inviterKey()).isEqualTo("bob.martin@inviter.test");
    }

    @Test
    void invalidReplyAddress() {
        ReplyDecision decision = decide(linkedinContext(linkedinInvitation("bob at inviter", EventKind.INVITATION)));

        assertThat(decision.kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertThat(decision.reason()).isEqualTo(ReasonCode.INVALID_REPLY_ADDRESS);
    }

    @Test
    void decideShouldDraftOnlyOnceWhenReminderFollowsUnreachableInvitation() {
        Inviter noEmail = new Inviter("Bob Martin", null, null, null, null, "https://www.linkedin.com/in/bob-m/");
        Invitation first = new Invitation("linkedin", EventKind.INVITATION, noEmail, null, null, null, null, null,
                null, null);
        Invitation reminder = new Invitation("linkedin", EventKind.REMINDER, noEmail, null, null, null, null, null,
                null, null);

        assertThat(decide(linkedinContext(first)).kind()).isEqualTo(ReplyDecision.Kind.DRAFT);
        assertSuppressed(decide(linkedinContext(reminder)), ReasonCode.ALREADY_ANSWERED);
    }

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
