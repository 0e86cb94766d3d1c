package org.havewemet.it.replies;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.utils.TestIMAPClient;
import org.havewemet.index.InvitationRecord;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Learning from corrections through a real James (issue 15, part 1): a user moves an invitation with a real IMAP
 * client (MOVE, or COPY then EXPUNGE); the index takes the correction, the inviter's next invitation to that user
 * follows it, and another user's verdicts stay as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorrectionsIT {
    static final String ALICE = "alice@" + HaveWeMetJames.DOMAIN;
    static final String BOB = "bob@" + HaveWeMetJames.DOMAIN;
    static final String CAROL = "carol@" + HaveWeMetJames.DOMAIN;
    static final String BOUNCE = "s-1a2b3c@bounce.linkedin.com";
    static final Pattern SEARCH_HIT = Pattern.compile("\\* SEARCH (\\d+)");

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(ALICE, BOB, CAROL);

    private static String notice(String user, String messageId) {
        return ReplyIt.replaceHeader(ReplyIt.read("linkedin-2016-unexplained.eml")
            .replace("<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>", messageId), "To", "To: " + user);
    }

    private static InvitationRecord awaitRecord(String user, String messageId, String verdict) {
        InvitationRecord[] found = new InvitationRecord[1];
        ReplyIt.await().ignoreExceptions().untilAsserted(() -> {
            InvitationRecord r = ReplyIt.record(JAMES.runtime(), user, messageId).orElseThrow();
            assertThat(r.verdict()).isEqualTo(verdict);
            found[0] = r;
        });
        return found[0];
    }

    /** The user's IMAP client: selects the folder, finds the message by Message-ID and runs the commands on it. */
    private static void imap(String user, String folder, String messageId, String... commands) throws Exception {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", JAMES.imapPort()).login(user, HaveWeMetJames.PASSWORD);
            for (String target : new String[] {"Spam", "Invitations.Priority"}) {
                imap.sendCommand("CREATE " + target); // NO when it exists already: fine
            }
            imap.select(folder);
            Matcher hit = SEARCH_HIT.matcher(imap.sendCommand("SEARCH HEADER Message-ID \"" + messageId + "\""));
            assertThat(hit.find()).as(messageId + " in " + folder).isTrue();
            for (String command : commands) {
                String answer = imap.sendCommand(command.replace("{n}", hit.group(1)));
                assertThat(answer).as(command).contains("OK");
            }
        }
    }

    @Test
    void imapMoveToPriorityShouldCorrectTheIndexAndMakeTheInviterKnownToThatUserOnly() throws Exception {
        String first = "<correct-move-1@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, ALICE, notice(ALICE, first));
        awaitRecord(ALICE, first, "UNEXPLAINED");
        ReplyIt.awaitDelivered(JAMES.imapPort(), ALICE, first);

        imap(ALICE, "Invitations.Unexplained", first, "MOVE {n} Invitations.Priority");

        InvitationRecord corrected = awaitRecord(ALICE, first, "PERSONAL");
        assertThat(corrected.reasons()).contains("USER_CORRECTION");
        assertThat(corrected.correction().by()).isEqualTo(ALICE);
        assertThat(corrected.correction().at()).isNotNull();
        assertThat(corrected.correction().previous()).isEqualTo("UNEXPLAINED");

        String next = "<correct-move-2@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, ALICE, notice(ALICE, next));
        InvitationRecord known = awaitRecord(ALICE, next, "KNOWN");
        assertThat(known.reasons()).contains("USER_CORRECTION");
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), ALICE, next)).isEqualTo("Invitations.Priority");
        ReplyIt.awaitStatus(JAMES.runtime(), ALICE, next, "suppressed/VERDICT_KNOWN");

        String forBob = "<correct-move-bob@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, BOB, notice(BOB, forBob));
        InvitationRecord bobs = awaitRecord(BOB, forBob, "UNEXPLAINED");
        assertThat(bobs.reasons()).doesNotContain("USER_CORRECTION", "USER_MODEL");
    }

    @Test
    void copyThenExpungeToSpamShouldSendTheInvitersNextMailsToSpamUnanswered() throws Exception {
        String inviter = "pushy.seller@example.org";
        String first = "<correct-copy-1@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), inviter, ALICE, ReplyIt.replaceHeader(
            ReplyIt.directRequest(inviter, "Pushy Seller", first), "To", "To: " + ALICE));
        ReplyIt.awaitStatus(JAMES.runtime(), ALICE, first, "replied/");
        ReplyIt.awaitDelivered(JAMES.imapPort(), ALICE, first);

        imap(ALICE, "Invitations.Unexplained", first, "COPY {n} Spam", "STORE {n} +FLAGS (\\Deleted)", "EXPUNGE");

        assertThat(awaitRecord(ALICE, first, "SUSPICIOUS").reasons()).contains("USER_CORRECTION");

        String next = "<correct-copy-2@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), inviter, ALICE, ReplyIt.replaceHeader(
            ReplyIt.directRequest(inviter, "Pushy Seller", next), "To", "To: " + ALICE));
        assertThat(awaitRecord(ALICE, next, "SUSPICIOUS").reasons()).contains("USER_CORRECTION");
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), ALICE, next)).isEqualTo("Spam");
        ReplyIt.awaitStatus(JAMES.runtime(), ALICE, next, "suppressed/VERDICT_SUSPICIOUS");
        assertThat(JAMES.outside().receivedBy(inviter)).as("only the first was answered").hasSize(1);
    }

    @Test
    void copyWithoutExpungeShouldNotBeACorrection() throws Exception {
        String first = "<correct-copyonly@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, BOB, notice(BOB, first));
        awaitRecord(BOB, first, "UNEXPLAINED");
        ReplyIt.awaitDelivered(JAMES.imapPort(), BOB, first);

        imap(BOB, "Invitations.Unexplained", first, "COPY {n} Invitations.Priority");

        ReplyIt.assertNothingReaches(JAMES.outside(), "nobody-in-particular@example.invalid");
        assertThat(ReplyIt.record(JAMES.runtime(), BOB, first).orElseThrow().verdict()).isEqualTo("UNEXPLAINED");
    }

    @Test
    void webAdminCorrectionShouldCountLikeAMoveMoveTheMailAndNotBeCountedAgainByTheListener() throws Exception {
        String first = "<correct-webadmin-1@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, CAROL, notice(CAROL, first));
        InvitationRecord filed = awaitRecord(CAROL, first, "UNEXPLAINED");
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), CAROL, first)).isEqualTo("Invitations.Unexplained");
        String key = filed.id().substring(filed.id().lastIndexOf('/') + 1);

        webAdmin().queryParam("user", CAROL).body("{\"verdict\": \"suspicious\"}")
            .post("/havewemet/invitations/" + key + "/verdict").then()
            .statusCode(200)
            .body("id", equalTo(filed.id()))
            .body("folder", equalTo("Spam"))
            .body("moved", equalTo(true))
            .body("movedFrom", equalTo("Invitations/Unexplained"))
            .body("invitation.verdict", equalTo("SUSPICIOUS"))
            .body("invitation.status", equalTo("corrected"))
            .body("invitation.correction.by", equalTo("webadmin"))
            .body("invitation.correction.previousVerdict", equalTo("UNEXPLAINED"))
            .body("invitation.reasons", hasItem("USER_CORRECTION"));
        assertThat(ReplyIt.foldersHolding(JAMES.imapPort(), CAROL, first)).containsExactly("Spam");

        String next = "<correct-webadmin-2@ltx1-app1.prod.linkedin.com>";
        ReplyIt.send(JAMES.smtpPort(), BOUNCE, CAROL, notice(CAROL, next));
        assertThat(awaitRecord(CAROL, next, "SUSPICIOUS").reasons()).contains("USER_CORRECTION");
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), CAROL, next)).isEqualTo("Spam");
        ReplyIt.awaitStatus(JAMES.runtime(), CAROL, next, "suppressed/VERDICT_SUSPICIOUS");

        // havewemet's own move was not taken for carol's: the correction is still the admin's
        assertThat(ReplyIt.record(JAMES.runtime(), CAROL, first).orElseThrow().correction().by()).isEqualTo("webadmin");
        webAdmin().queryParam("user", CAROL).queryParam("q", "status:corrected").get("/havewemet/invitations").then()
            .statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(filed.id()))
            .body("hits[0].correction.verdict", equalTo("SUSPICIOUS"));
    }

    @Test
    void webAdminCorrectionShouldRefuseAnUnknownInvitationOrVerdictNamingWhatIsWrong() {
        webAdmin().queryParam("user", CAROL).body("{\"verdict\": \"PERSONAL\"}")
            .post("/havewemet/invitations/000000000000000000000000/verdict").then()
            .statusCode(404);
        webAdmin().queryParam("user", CAROL).body("{\"verdict\": \"GREAT\"}")
            .post("/havewemet/invitations/000000000000000000000000/verdict").then()
            .statusCode(400).body("parameter", equalTo("verdict"))
            .body("message", containsString("PERSONAL, KNOWN, UNEXPLAINED, SUSPICIOUS, NOT_INVITATION"));
    }

    private static RequestSpecification webAdmin() {
        return RestAssured.given().baseUri("http://127.0.0.1").port(JAMES.webAdminPort())
            .contentType(ContentType.JSON);
    }
}
