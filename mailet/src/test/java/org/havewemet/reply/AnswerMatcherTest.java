package org.havewemet.reply;

import java.nio.file.Path;
import java.time.Instant;

import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerMatcherTest {
    private static final Instant T0 = Instant.parse("2026-11-24T17:02:00Z");

    @TempDir
    Path dir;

    @Test
    void matchShouldFindOurReplyWhenAnswerCarriesInReplyTo() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.recordSent("alice@example.org", "bob.martin@inviter.test", "<havewemet.abc@example.org>",
                    "<direct-1@inviter.test>", null, T0);
            MimeMessage answer = PolicyFixture.load("answer-gmail.eml");

            LedgerEntry entry = new AnswerMatcher(ledger).match(answer).orElseThrow();
            AnswerKind kind = new AnswerClassifier().classify(answer);
            ledger.recordAnswer(entry.replyMessageId(), kind, T0.plusSeconds(600));

            assertThat(entry.inviterKey()).isEqualTo("bob.martin@inviter.test");
            assertThat(kind).isEqualTo(AnswerKind.SHARED_CONTEXT);
            assertThat(ledger.unanswered("alice@example.org", T0.plusSeconds(86400))).isEmpty();
        }
    }

    @Test
    void matchShouldFindOurReplyWhenOnlyReferencesPointToIt() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.recordSent("alice@example.org", "tom@inviter.test", "<havewemet.def@example.org>", null, null, T0);

            assertThat(new AnswerMatcher(ledger).match(PolicyFixture.load("answer-outlook.eml")))
                    .map(LedgerEntry::inviterKey).contains("tom@inviter.test");
        }
    }

    @Test
    void matchShouldIgnoreAnswerWhenItIsAnOutOfOfficeReply() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            ledger.recordSent("alice@example.org", "bob.martin@inviter.test", "<havewemet.abc@example.org>", null,
                    null, T0);

            assertThat(new AnswerMatcher(ledger).match(PolicyFixture.load("answer-out-of-office.eml"))).isEmpty();
        }
    }

    @Test
    void matchShouldBeEmptyWhenAnswerRefersToUnknownMessage() throws Exception {
        try (ReplyLedger ledger = ReplyLedger.open(dir)) {
            assertThat(new AnswerMatcher(ledger).match(PolicyFixture.load("answer-gmail.eml"))).isEmpty();
            assertThat(new AnswerMatcher(ledger).match(PolicyFixture.direct())).isEmpty();
        }
    }
}
