package org.havewemet.userweb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.havewemet.index.InvitationRecord;
import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.LedgerEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the page shows of an invitation: short id, safe profile link, reasons and reply status as sentences. */
class InvitationViewTest {
    private static final InvitationRecord RECORD = new InvitationRecord(
        InvitationRecord.idFor("demo@example.com", "<m1@example.net>"), "demo@example.com", "<m1@example.net>",
        "linkedin", "INVITATION", "Maria Lopez", "maria@example.net", "Engineer", "Acme", "Lyon",
        "https://www.linkedin.com/in/maria", "We met at the meetup", "en", "UNEXPLAINED",
        List.of("NO_EXPLANATION", "SOME_NEW_CODE"), "replied", null, Instant.parse("2026-05-02T09:00:00Z"), 3, 200);

    @Test
    void viewShouldCarryTheCardReasonsAsSentencesAndAnIdWithoutTheAddress() {
        Map<String, Object> view = InvitationView.of(RECORD, Optional.empty());
        assertThat((String) view.get("id")).hasSize(24).doesNotContain("demo");
        assertThat(view.get("card")).asString().contains("Maria Lopez").contains("https://www.linkedin.com/in/maria");
        assertThat(((List<?>) view.get("reasons")).stream().map(r -> (String) ((Map<?, ?>) r).get("text")))
            .containsExactly("The note does not explain how you know each other.", "Some new code.");
    }

    @Test
    void profileLinkShouldBeDroppedWhenItIsNotAWebLink() {
        assertThat(InvitationView.webLink("javascript:alert(1)")).isNull();
        assertThat(InvitationView.webLink(" data:text/html,x")).isNull();
        assertThat(InvitationView.webLink("HTTPS://example.com/p")).isEqualTo("HTTPS://example.com/p");
    }

    @Test
    void replySummaryShouldTellWhenAskedAndHowAnswered() {
        LedgerEntry asked = new LedgerEntry("1", "demo@example.com", "maria@example.net",
            Instant.parse("2026-05-03T08:00:00Z"), Instant.parse("2026-05-03T08:00:01Z"), "<r1@havewemet>",
            "<m1@example.net>", null, AnswerKind.MUTUAL_ACQUAINTANCE, Instant.parse("2026-05-04T10:00:00Z"));
        assertThat(InvitationView.summary(RECORD, Optional.of(asked), AnswerKind.MUTUAL_ACQUAINTANCE))
            .isEqualTo("asked 'have we met?' on 3 May 2026, answered on 4 May 2026: introduced by someone you know");
        assertThat(InvitationView.summary(RECORD.withReplyStatus("drafted", null), Optional.empty(),
            AnswerKind.NO_ANSWER)).contains("draft");
        assertThat(InvitationView.summary(RECORD.withReplyStatus("suppressed", "RATE_LIMITED_USER"),
            Optional.empty(), AnswerKind.NO_ANSWER)).isEqualTo("not answered: You reached your hourly limit of"
            + " automatic replies.");
    }
}
