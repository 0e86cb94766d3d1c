package org.havewemet.triage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.mime.MimeText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Bad, huge and hostile mails get a verdict and a reason, in bounded time, never an exception. */
class RobustnessTest {
    private static final InvitationTriage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);
    private static final String LINKEDIN_HEADERS = "From: Ana Lopes <invitations@linkedin.com>\r\n"
            + "To: paul@example.com\r\nSubject: Ana Lopes wants to connect\r\n"
            + "Message-ID: <1.2.3.JavaMail.app@lva1-app1.prod.linkedin.com>\r\nMIME-Version: 1.0\r\n";

    private static TriageResult triage(String raw) {
        return triage(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static TriageResult triage(byte[] raw) {
        MimeMessage message = Mails.read(raw);
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TRIAGE.triage(message, null, "paul@example.com"));
    }

    @Test
    void multipartWithoutItsBoundaryShouldStillBeReadAndReportMalformedMime() {
        TriageResult result = triage(LINKEDIN_HEADERS + "Content-Type: multipart/alternative; boundary=\"nowhere\"\r\n\r\n"
                + "Hi Paul,\r\nI'd like to join your LinkedIn network.\r\n\r\nAna Lopes\r\nAccept: https://www.linkedin.com/comm/people/invite-accept?invitationId=1\r\n");

        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(result.reasons()).extracting(Reason::code).contains("MALFORMED_MIME");
    }

    @Test
    void multipartWithoutAnyPartShouldGiveAVerdictAndAReason() {
        TriageResult result = triage("From: x@example.com\r\nSubject: hello\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b--\r\n");

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_INVITATION);
        assertThat(result.reasons()).isNotEmpty();
    }

    @Test
    void unknownCharsetShouldBeReadAsUtf8AndReported() {
        TriageResult result = triage(LINKEDIN_HEADERS + "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
                + "Hi Paul,\r\nI'd like to join your LinkedIn network.\r\n\r\nAna Lopes\r\n");

        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("charset"));
    }

    @Test
    void brokenBase64AndGarbageHeadersShouldNeverThrow() {
        String raw = "From: <<<@@@>>>\r\nSubject: =?utf-8?B?####?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n!!!! not base64 at all ####\r\n";

        assertThatCode(() -> triage(raw)).doesNotThrowAnyException();
        assertThat(triage(raw).verdict()).isEqualTo(Verdict.NOT_INVITATION);
    }

    @Test
    void twentyMegabyteAttachmentShouldBeNamedButNeverReadWhenTheTextIsJudged() {
        StringBuilder sb = new StringBuilder(LINKEDIN_HEADERS)
                .append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n")
                .append("Hi Paul,\r\nI'd like to join your LinkedIn network.\r\n\r\nAna Lopes\r\n--b\r\n")
                .append("Content-Type: application/pdf; name=\"cv.pdf\"\r\nContent-Disposition: attachment; filename=\"cv.pdf\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n");
        String line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n";
        while (sb.length() < 20 * 1024 * 1024) {
            sb.append(line);
        }
        sb.append("--b--\r\n");
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        MimeMessage message = Mails.read(raw);

        TriageResult result = TRIAGE.triage(message, null, "paul@example.com");
        MailText read = MimeText.read(message, List.of());

        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        // Work is bounded by what is read, not by the mail's size: the attachment is named, never decoded.
        assertThat(read.attachments()).extracting(MailText.Attachment::filename).containsExactly("cv.pdf");
        assertThat(read.text().length()).isLessThan(1024);
        assertThat(read.text()).doesNotContain("QUJDREVG");
    }

    @Test
    void multipartNestedAHundredLevelsDeepShouldBeCappedAndReported() {
        StringBuilder sb = new StringBuilder(LINKEDIN_HEADERS).append("Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < 100; i++) {
            sb.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        sb.append("--b100\r\nContent-Type: text/plain\r\n\r\nI'd like to join your LinkedIn network.\r\n--b100--\r\n");
        for (int i = 99; i >= 0; i--) {
            sb.append("--b").append(i).append("--\r\n");
        }

        TriageResult result = triage(sb.toString());

        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("MALFORMED_MIME");
            assertThat(r.detail()).contains("nesting");
        });
        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
    }

    @Test
    void oneMegabyteSingleLineBodyShouldBeReadBoundedAndJudgedUnexplained() {
        String body = "I'd like to join your LinkedIn network. " + "blah ".repeat(1024 * 1024 / 5);
        MimeMessage message = Mails.read((LINKEDIN_HEADERS + "Content-Type: text/plain\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));

        TriageResult result = TRIAGE.triage(message, null, "paul@example.com");
        MailText read = MimeText.read(message, List.of());

        // Bounded by construction: at most MAX_TEXT_BYTES of text are read, lines are cut to a fixed length before
        // any pattern sees them, and every pattern is RE2 (linear in what it reads).
        assertThat(read.text().length()).isLessThanOrEqualTo(MimeText.MAX_TEXT_BYTES);
        assertThat(result.invitation().get().note().length()).isLessThanOrEqualTo(NoteExtractor.MAX_LINE_CHARS);
        // The default sentence followed by filler explains nothing.
        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(result.reasons()).extracting(Reason::code).contains("DEFAULT_NOTE", "NO_EXPLANATION");
    }

    @Test
    void messageWithoutHeadersOrBodyShouldBeNotAnInvitation() {
        TriageResult result = triage("\r\n");

        assertThat(result.verdict()).isEqualTo(Verdict.NOT_INVITATION);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly("NOT_AN_INVITATION");
    }

    @Test
    void pathologicalTextShouldNotMakeThePatternsHang() {
        String body = ("Hi " + "a ".repeat(20000) + "would like to connect" + " -".repeat(20000) + "\r\n").repeat(3);
        TriageResult result = triage(LINKEDIN_HEADERS + "Content-Type: text/plain\r\n\r\n" + body);

        // A LinkedIn invitation (sender and Message-ID) whose note says nothing: judged, not hung.
        assertThat(result.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(result.reasons()).extracting(Reason::code).contains("PLATFORM_SENDER", "NO_EXPLANATION");
    }
}
