package org.havewemet.it.replies;

import static org.havewemet.it.replies.ReplyIt.USER;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reply rules that depend on the admin's {@code havewemet.yaml}: opt-out users, aliases, never-answer patterns
 * and the per-user hourly rate. Each rule has its own user or inviter, so the hourly budget of 2 replies is only
 * spent where the rate limit itself is tested (user {@code busy@}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredRepliesIT {
    static final String QUIET_USER = "quiet@" + HaveWeMetJames.DOMAIN;
    static final String BUSY_USER = "busy@" + HaveWeMetJames.DOMAIN;
    static final String ALIAS = "demo.private@home.example";
    static final String YAML = HaveWeMetJames.TEST_YAML
        + "replies:\n"
        + "  ratePerHour: 2\n"
        + "  optOut:\n"
        + "    - " + QUIET_USER + "\n"
        + "  aliases:\n"
        + "    " + USER + ":\n"
        + "      - " + ALIAS + "\n"
        + "patterns:\n"
        + "  neverAnswer:\n"
        + "    - \"@recruiting\\\\.example$\"\n";

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER, QUIET_USER, BUSY_USER).yaml(YAML);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @Test
    void optedOutUserShouldNeverAnswer() throws Exception {
        String id = "<cr-optout@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("asks.quiet@example.org", id), "To",
            "To: " + QUIET_USER);
        ReplyIt.send(JAMES.smtpPort(), "asks.quiet@example.org", QUIET_USER, mail);
        ReplyIt.awaitDelivered(JAMES.imapPort(), QUIET_USER, id);
        ReplyIt.awaitStatus(JAMES.runtime(), QUIET_USER, id, "suppressed/OPTED_OUT");
        ReplyIt.assertNothingReaches(OUTSIDE, "asks.quiet@example.org");
    }

    @Test
    void thirdRequestWithinAnHourShouldHitTheUserRateLimit() throws Exception {
        for (int i = 1; i <= 3; i++) {
            String inviter = "rate" + i + "@example.org";
            String mail = ReplyIt.replaceHeader(ReplyIt.directRequest(inviter, "<cr-rate" + i + "@mail.example.org>"),
                "To", "To: " + BUSY_USER);
            ReplyIt.send(JAMES.smtpPort(), inviter, BUSY_USER, mail);
            ReplyIt.awaitDelivered(JAMES.imapPort(), BUSY_USER, "<cr-rate" + i + "@mail.example.org>");
        }
        ReplyIt.awaitStatus(JAMES.runtime(), BUSY_USER, "<cr-rate1@mail.example.org>", "replied/");
        ReplyIt.awaitStatus(JAMES.runtime(), BUSY_USER, "<cr-rate2@mail.example.org>", "replied/");
        ReplyIt.awaitStatus(JAMES.runtime(), BUSY_USER, "<cr-rate3@mail.example.org>", "suppressed/RATE_LIMITED_USER");
        ReplyIt.awaitReplies(OUTSIDE, "rate1@example.org", 1);
        ReplyIt.awaitReplies(OUTSIDE, "rate2@example.org", 1);
        ReplyIt.assertNothingReaches(OUTSIDE, "rate3@example.org");
    }

    @Test
    void senderMatchingANeverAnswerPatternShouldNeverBeAnswered() throws Exception {
        String id = "<cr-pattern@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "talent@recruiting.example", USER,
            ReplyIt.directRequest("talent@recruiting.example", id));
        ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id);
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/PATTERN");
        ReplyIt.assertNothingReaches(OUTSIDE, "recruiting.example");
    }

    @Test
    void requestAddressedOnlyToAnAliasShouldBeAnswered() throws Exception {
        String id = "<cr-alias-to@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("writes.alias@example.org", id), "To",
            "To: " + ALIAS);
        ReplyIt.send(JAMES.smtpPort(), "writes.alias@example.org", USER, mail);
        ReplyIt.awaitReplies(OUTSIDE, "writes.alias@example.org", 1);
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "replied/");
    }

    @Test
    void requestFromTheUsersOwnAliasShouldNeverBeAnswered() throws Exception {
        String id = "<cr-alias-from@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest(ALIAS, id), "From", "From: Demo <" + ALIAS + ">");
        ReplyIt.send(JAMES.smtpPort(), ALIAS, USER, mail);
        ReplyIt.awaitDelivered(JAMES.imapPort(), USER, id);
        ReplyIt.awaitStatus(JAMES.runtime(), USER, id, "suppressed/OWN_ADDRESS");
        ReplyIt.assertNothingReaches(OUTSIDE, ALIAS);
    }
}
