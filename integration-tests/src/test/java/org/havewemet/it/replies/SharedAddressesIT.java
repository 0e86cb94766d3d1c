package org.havewemet.it.replies;

import java.io.IOException;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.apache.james.utils.TestIMAPClient;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.RestAssured;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Role and group addresses through a real James (issue 15, part 3): a group James' RecipientRewriteTable expands
 * (WebAdmin {@code /address/groups}) to three users and a role mailbox ({@code info@}) get their invitations filed
 * quietly: one index record per member, never a reply, never a draft; the digest counts them apart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedAddressesIT {
    static final String DOMAIN = HaveWeMetJames.DOMAIN;
    static final String TEAM = "team@" + DOMAIN;
    static final String CREW = "crew@" + DOMAIN;
    static final String INFO = "info@" + DOMAIN;
    static final List<String> MEMBERS = List.of("alice@" + DOMAIN, "bob@" + DOMAIN, "carol@" + DOMAIN);
    static final String DAVE = "dave@" + DOMAIN;
    static final String ERIN = "erin@" + DOMAIN;

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers("alice@" + DOMAIN, "bob@" + DOMAIN,
        "carol@" + DOMAIN, INFO, DAVE, ERIN);

    @BeforeAll
    void groups() {
        MEMBERS.forEach(member -> addToGroup(TEAM, member));
        addToGroup(CREW, DAVE);
        addToGroup(CREW, ERIN);
    }

    private static void addToGroup(String group, String member) {
        RestAssured.given().port(JAMES.webAdminPort()).baseUri("http://127.0.0.1")
            .put("/address/groups/" + group + "/" + member)
            .then().statusCode(204);
    }

    private static String to(String mail, String address) {
        return ReplyIt.replaceHeader(mail, "To", "To: " + address);
    }

    @Test
    void directRequestToAGroupOfThreeShouldBeFiledForEachMemberWithoutAnyReply() throws Exception {
        String inviter = "writes.team@example.org";
        String id = "<group-direct@mail.example.org>";

        ReplyIt.send(JAMES.smtpPort(), inviter, TEAM, to(ReplyIt.directRequest(inviter, id), TEAM));

        for (String member : MEMBERS) {
            ReplyIt.awaitStatus(JAMES.runtime(), member, id, "suppressed/GROUP_ADDRESS");
            assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), member, id)).isEqualTo("Invitations.Unexplained");
            assertThat(ReplyIt.record(JAMES.runtime(), member, id).orElseThrow().reasons())
                .contains("GROUP_ADDRESS");
            assertThat(drafts(member)).as("drafts of " + member).isZero();
        }
        ReplyIt.assertNothingReaches(JAMES.outside(), inviter);
    }

    @Test
    void platformNoticeToAGroupShouldGetNoDraftForAnyMember() throws Exception {
        String id = "<1468314900000.invite.group.t1@ltx1-app1.prod.linkedin.com>";
        String notice = to(ReplyIt.read("linkedin-2016-unexplained.eml")
            .replace("<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>", id), "Team <" + TEAM + ">");

        ReplyIt.send(JAMES.smtpPort(), "s-1a2b3c@bounce.linkedin.com", TEAM, notice);

        for (String member : MEMBERS) {
            ReplyIt.awaitStatus(JAMES.runtime(), member, id, "suppressed/GROUP_ADDRESS");
            assertThat(drafts(member)).as("drafts of " + member).isZero();
        }
    }

    @Test
    void directRequestToARoleMailboxShouldBeFiledWithoutAReply() throws Exception {
        String inviter = "writes.info@example.org";
        String id = "<role-direct@mail.example.org>";

        ReplyIt.send(JAMES.smtpPort(), inviter, INFO, to(ReplyIt.directRequest(inviter, id), INFO));

        ReplyIt.awaitStatus(JAMES.runtime(), INFO, id, "suppressed/ROLE_ADDRESS");
        assertThat(ReplyIt.awaitDelivered(JAMES.imapPort(), INFO, id)).isEqualTo("Invitations.Unexplained");
        assertThat(drafts(INFO)).isZero();
        ReplyIt.assertNothingReaches(JAMES.outside(), inviter);
    }

    @Test
    void digestShouldCountGroupInvitationsApartFromTheListedOnes() throws Exception {
        for (int i = 1; i <= 2; i++) {
            String inviter = "crew.inviter" + i + "@example.org";
            String id = "<crew-" + i + "@mail.example.org>";
            ReplyIt.send(JAMES.smtpPort(), inviter, CREW, to(ReplyIt.directRequest(inviter, "Crew Inviter", id), CREW));
            ReplyIt.awaitStatus(JAMES.runtime(), DAVE, id, "suppressed/GROUP_ADDRESS");
        }
        String own = "<dave-own@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "writes.dave@example.org", DAVE,
            to(ReplyIt.directRequest("writes.dave@example.org", "Dora Own", own), DAVE));
        ReplyIt.awaitStatus(JAMES.runtime(), DAVE, own, "replied/");

        // Dave's own request twice (new, and asked "have we met?"), the two group ones only as a count.
        assertThat(JAMES.runtime().sendDigest(DAVE)).as("listed items").isEqualTo(2);

        MimeMessage digest = ReplyIt.awaitMessage(JAMES.imapPort(), DAVE, TestIMAPClient.INBOX,
            "SUBJECT \"connection invitations\"");
        assertThat(digest.getSubject()).contains("Your connection invitations: 2");
        assertThat((String) digest.getContent())
            .contains("Also 2 invitation(s) to shared addresses")
            .contains("Dora Own").doesNotContain("Crew Inviter");
    }

    /** Messages in the user's Drafts folder; none when James has not created that folder. */
    private static int drafts(String user) throws IOException {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", JAMES.imapPort()).login(user, HaveWeMetJames.PASSWORD);
            String status = imap.sendCommand("STATUS Drafts (MESSAGES)");
            int at = status.indexOf("MESSAGES ");
            if (at < 0) {
                return 0;
            }
            int end = at + "MESSAGES ".length();
            while (end < status.length() && Character.isDigit(status.charAt(end))) {
                end++;
            }
            return Integer.parseInt(status.substring(at + "MESSAGES ".length(), end));
        }
    }
}
