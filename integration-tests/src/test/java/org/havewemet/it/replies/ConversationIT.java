package org.havewemet.it.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

import java.time.Duration;
import java.time.Instant;

import javax.mail.internet.MimeMessage;

import org.apache.james.utils.TestIMAPClient;
import org.havewemet.index.InvitationRecord;
import org.havewemet.it.HaveWeMetServer;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens after "Have we met?": the inviter's answer (threaded on our reply's Message-ID as seen at the
 * outside world) is judged into one of the four kinds, and an automatic answer is ignored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationIT {
    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @Test
    void notMetAnswerShouldLeaveTheInvitationUnexplained() throws Exception {
        String request = "<cv-notmet@mail.example.org>";
        String ourReply = askHaveWeMet("nina.notmet@example.org", "Nina Notmet", request);

        answer("nina.notmet@example.org", ourReply, "<cv-notmet-answer@mail.example.org>", "",
            "No, we haven't met. I just want to grow my network.");

        MimeMessage filed = ReplyIt.awaitMessage(JAMES.imapPort(), USER, "Invitations.Unexplained",
            "HEADER Message-ID \"<cv-notmet-answer@mail.example.org>\"");
        assertThat(filed.getHeader("X-HaveWeMet-Answer", null)).isEqualTo("NOT_MET_NO_REASON");
        assertThat(ReplyIt.foldersHolding(JAMES.imapPort(), USER, request)).containsExactly("Invitations.Unexplained");
        assertRecord(request, "UNEXPLAINED/answered/NOT_MET_NO_REASON");
    }

    @Test
    void sharedContextAnswerShouldMoveInvitationAndAnswerToPriority() throws Exception {
        String request = "<cv-shared@mail.example.org>";
        String ourReply = askHaveWeMet("sam.shared@example.org", "Sam Shared", request);

        answer("sam.shared@example.org", ourReply, "<cv-shared-answer@mail.example.org>", "",
            "We're both members of the same user group, the Lyon JUG. I'd like to ask about your talk there.");

        assertExplained(request, "<cv-shared-answer@mail.example.org>", "SHARED_CONTEXT");
    }

    @Test
    void mutualAcquaintanceAnswerShouldMoveInvitationAndAnswerToPriority() throws Exception {
        String request = "<cv-mutual@mail.example.org>";
        String ourReply = askHaveWeMet("mo.mutual@example.org", "Mo Mutual", request);

        answer("mo.mutual@example.org", ourReply, "<cv-mutual-answer@mail.example.org>", "",
            "Maria Lopez suggested I reach out to you.");

        assertExplained(request, "<cv-mutual-answer@mail.example.org>", "MUTUAL_ACQUAINTANCE");
    }

    @Test
    void outOfOfficeAnswerToOurReplyShouldBeIgnored() throws Exception {
        String request = "<cv-oof@mail.example.org>";
        String ourReply = askHaveWeMet("otto.away@example.org", "Otto Away", request);

        answer("otto.away@example.org", ourReply, "<cv-oof-answer@mail.example.org>",
            "Auto-Submitted: auto-replied\r\nX-Auto-Response-Suppress: All\r\n",
            "I am out of the office until Monday with limited access to e-mail.");

        MimeMessage delivered = ReplyIt.awaitMessage(JAMES.imapPort(), USER, TestIMAPClient.INBOX,
            "HEADER Message-ID \"<cv-oof-answer@mail.example.org>\"");
        assertThat(delivered.getHeader("X-HaveWeMet-Answer")).as("not judged as an answer").isNull();
        assertThat(delivered.getHeader("X-HaveWeMet-Verdict")).as("not triaged as an invitation").isNull();
        assertThat(ReplyIt.foldersHolding(JAMES.imapPort(), USER, request)).containsExactly("Invitations.Unexplained");
        assertRecord(request, "UNEXPLAINED/replied/");
        ReplyIt.await().during(ReplyIt.QUIET).until(() -> OUTSIDE.receivedBy("otto.away@example.org").size() == 1);
    }

    /**
     * No answer yet: the digest lists the invitation as waiting. The "never answered, consider ignoring" branch
     * needs the reply to be older than {@code replies.answerWaitDays} (at least one day, measured on the server's
     * real clock), so that age is simulated by recording in the server's ledger a reply sent eight days ago to a
     * second inviter whose own request was never answered (Precedence: bulk).
     */
    @Test
    void unansweredRequestsShouldBeListedInTheDigestAsWaitingThenAsNeverAnswered() throws Exception {
        String request = "<cv-silent@mail.example.org>";
        askHaveWeMet("sid.silent@example.org", "Sid Silent", request);

        String old = "<cv-old@mail.example.org>";
        ReplyIt.send(JAMES.smtpPort(), "olga.old@example.org", USER, ReplyIt.withHeaders(
            ReplyIt.directRequest("olga.old@example.org", "Olga Oldtimer", old), "Precedence: bulk"));
        ReplyIt.awaitStatus(JAMES.runtime(), USER, old, "suppressed/PRECEDENCE");
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        JAMES.runtime().ledger().recordSent(USER, "olga.old@example.org", "<simulated-old-reply@havewemet.test>", old,
            InvitationRecord.idFor(USER, old), eightDaysAgo);

        assertThat(JAMES.runtime().sendDigest(USER)).isGreaterThanOrEqualTo(2);

        MimeMessage digest = ReplyIt.awaitMessage(JAMES.imapPort(), USER, TestIMAPClient.INBOX,
            "SUBJECT \"Your connection invitations\"");
        String text = String.valueOf(digest.getContent());
        assertThat(lineOf(text, "Sid Silent")).contains("waiting for an answer");
        assertThat(lineOf(text, "Olga Oldtimer")).contains("never answered, consider ignoring");
    }

    private static String lineOf(String text, String name) {
        return text.lines().filter(line -> line.contains(name) && line.contains("["))
            .reduce((a, b) -> a + "\n" + b).orElse("(no line naming " + name + " with a status in:\n" + text + ")");
    }

    /** Sends an unexplained direct request and returns the Message-ID of our reply as the inviter received it. */
    private String askHaveWeMet(String inviter, String name, String requestId) throws Exception {
        ReplyIt.send(JAMES.smtpPort(), inviter, USER, ReplyIt.directRequest(inviter, name, requestId));
        MimeMessage reply = ReplyIt.awaitReplies(OUTSIDE, inviter, 1).get(0);
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(requestId);
        return reply.getMessageID();
    }

    private void answer(String inviter, String ourReply, String answerId, String extraHeaders, String text)
        throws Exception {
        String mail = "From: " + inviter + "\r\n"
            + "To: " + USER + "\r\n"
            + "Subject: Re: Have we met?\r\n"
            + "Message-ID: " + answerId + "\r\n"
            + "In-Reply-To: " + ourReply + "\r\n"
            + "References: " + ourReply + "\r\n"
            + extraHeaders
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + text + "\r\n\r\n> Have we met?\r\n";
        ReplyIt.send(JAMES.smtpPort(), inviter, USER, mail);
    }

    private void assertExplained(String request, String answerId, String kind) throws Exception {
        MimeMessage filed = ReplyIt.awaitMessage(JAMES.imapPort(), USER, "Invitations.Priority",
            "HEADER Message-ID \"" + answerId + "\"");
        assertThat(filed.getHeader("X-HaveWeMet-Answer", null)).isEqualTo(kind);
        ReplyIt.await().untilAsserted(() -> assertThat(ReplyIt.foldersHolding(JAMES.imapPort(), USER, request))
            .containsExactly("Invitations.Priority"));
        assertRecord(request, "PERSONAL/answered/" + kind);
    }

    private void assertRecord(String request, String expected) {
        ReplyIt.await().untilAsserted(() -> assertThat(ReplyIt.record(JAMES.runtime(), USER, request)
            .map(r -> r.verdict() + "/" + r.replyStatus() + "/" + java.util.Objects.toString(r.replyDetail(), "")))
            .contains(expected));
    }
}
