package org.havewemet.triage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is extracted from the notice: inviter, note, links, counts and the address that reaches the inviter. */
class InvitationExtractionTest {
    private static final InvitationTriage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);

    private static Invitation invitation(String fixture, String envelopeSender) {
        return TRIAGE.triage(Mails.fixture(fixture), envelopeSender, "paul@example.com").invitation().orElseThrow();
    }

    @Test
    void linkedIn2016NoticeShouldYieldInviterNoteLinksAndNoReplyAddress() {
        Invitation i = invitation("li2016-default-en.eml", "bounce-123@bounce.linkedin.com");

        assertThat(i.platform()).isEqualTo("linkedin");
        assertThat(i.event()).isEqualTo(EventKind.INVITATION);
        assertThat(i.inviter().name()).isEqualTo("Marta Kowalczyk");
        assertThat(i.inviter().headline()).isEqualTo("Backend Developer at Example Soft");
        assertThat(i.inviter().company()).isEqualTo("Example Soft");
        assertThat(i.inviter().profileUrl()).contains("/comm/profile/view");
        assertThat(i.note()).isEqualTo("I'd like to join your LinkedIn network.");
        assertThat(i.noteLanguage()).isEqualTo("en");
        assertThat(i.acceptUrl()).contains("invite-accept");
        assertThat(i.invitationId()).isEqualTo("6612345678901234567");
        assertThat(i.replyAddress()).as("the platform's bounce address never reaches the inviter").isNull();
    }

    @Test
    void directRequestShouldBeAnsweredAtTheEnvelopeSender() {
        Invitation i = invitation("direct-default-en.eml", "victor.lindqvist@example.net");

        assertThat(i.isDirect()).isTrue();
        assertThat(i.replyAddress()).isEqualTo("victor.lindqvist@example.net");
        assertThat(i.inviter().email()).isEqualTo("victor.lindqvist@example.net");
        assertThat(i.note()).isEqualTo("I'd like to add you to my professional network on LinkedIn.");
    }

    @Test
    void guestInvitationFromTheInvitersOwnAddressShouldReplyToThatAddress() {
        Invitation i = invitation("li2012-guest-own-address.eml", "bounce@linkedin.com");

        assertThat(i.replyAddress()).isEqualTo("helena.costa@example.org");
        assertThat(i.inviter().headline()).isEqualTo("Product Manager at Example Mobility");
        assertThat(i.inviter().location()).isEqualTo("Lisbon Area, Portugal");
    }

    @Test
    void modernNoticeShouldYieldMutualAndConnectionCounts() {
        Invitation i = invitation("li2024-note-hi-lets-connect.eml", null);

        assertThat(i.mutualConnections()).isEqualTo(0);
        assertThat(i.connections()).isEqualTo(500);
        assertThat(i.inviter().location()).isEqualTo("United States");
    }

    @Test
    void reminderShouldYieldTheQuotedNoteWithoutQuoteMarksOrHeaders() {
        Invitation i = invitation("li2011-reminder-quoted-personal.eml", null);

        assertThat(i.event()).isEqualTo(EventKind.REMINDER);
        assertThat(i.note()).startsWith("Paul, we worked together").doesNotContain(">").doesNotContain("Subject:")
                .doesNotContain("- Olivia");
    }

    @Test
    void htmlOnlyNoticeShouldBeReadThroughJsoup() {
        Invitation i = invitation("li2023-html-only-personal.eml", null);

        assertThat(i.note()).contains("I enjoyed your talk at Devoxx");
        assertThat(i.inviter().headline()).isEqualTo("Search Engineer at Example Mail");
        assertThat(i.acceptUrl()).contains("invitationId=7222333444555666777");
    }
}
