package org.havewemet.triage;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Person-to-person requests recognised by a network's name and an ask in one sentence, in any language, and the mail
 * that uses the same words without asking (a thank-you, a company's "connect with us"), and spam that borrows them.
 */
class AskOnNetworkTest {
    private static final Triage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);

    private static TriageResult triage(String headers, String body) {
        String mail = headers + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body.replace("\n", "\r\n");
        return TRIAGE.triage(Mails.read(mail.getBytes(StandardCharsets.UTF_8)), null, "sam@example.org");
    }

    private static String person(String subject) {
        return "From: Ana Pires <ana.pires@mail.example.net>\r\nTo: sam@example.org\r\nSubject: " + subject
            + "\r\nDate: Tue, 3 Dec 2024 10:00:00 +0000\r\nMessage-ID: <a1b2c3@mail.example.net>\r\n";
    }

    @Test
    void askToBeAddedOnAMessengerShouldBeARequestWhenAPersonWritesItInAnyScript() {
        assertThat(triage(person("Oi"), "Olá,\n\nme adiciona no WhatsApp? Meu número é 555-0101.\n\nAna\n").verdict())
            .isEqualTo(Verdict.UNEXPLAINED);
        assertThat(triage(person("Привет"), "Добрый день!\n\nДобавьте меня, пожалуйста, в Телеграме.\n").verdict())
            .isEqualTo(Verdict.UNEXPLAINED);
        assertThat(triage(person("LinkedIn"), "שלום,\n\nשלחתי לך בקשת חברות בלינקדאין.\n").verdict())
            .isEqualTo(Verdict.UNEXPLAINED);
    }

    @Test
    void thanksForAnAcceptedInvitationShouldNotBeARequestWhenTheAskIsAlreadyAnswered() {
        assertThat(triage(person("Documentos"), "Hola,\n\ngracias por aceptar mi invitación en LinkedIn. Te envío los documentos.\n")
            .verdict()).isEqualTo(Verdict.NOT_INVITATION);
    }

    @Test
    void companyMailShouldNotBeARequestWhenItAsksToConnectWithUsOrCarriesAnUnsubscribeHeader() {
        assertThat(triage(person("Newsletter"), "Our December news.\n\nConnect with us on LinkedIn!\n").verdict())
            .isEqualTo(Verdict.NOT_INVITATION);
        String campaign = person("Webinar") + "List-Unsubscribe: <https://news.example.net/u?x=1>\r\n";
        assertThat(triage(campaign, "Join our webinar.\n\nAdd us on LinkedIn and accept the invite to our group.\n")
            .verdict()).isEqualTo(Verdict.NOT_INVITATION);
    }

    @Test
    void friendRequestToUndisclosedRecipientsShouldBeSuspiciousWhenRepliesGoElsewhere() {
        String headers = "From: Linda <linda@mail-box.example.net>\r\nTo: undisclosed-recipients:;\r\n"
            + "Reply-To: linda.private@webmail.example.com\r\nSubject: Please consider my friend request\r\n"
            + "Date: Thu, 29 Jun 2023 05:51:22 +0000\r\nMessage-ID: <x9@mail-box.example.net>\r\n";
        TriageResult r = triage(headers, "Hello dear,\n\nPlease consider my friend request. I have a confidential matter "
            + "that will benefit both of us. Reply to my private email.\n");
        assertThat(r.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(r.reasons()).extracting(Reason::code).contains("UNDISCLOSED_RECIPIENTS", "REPLY_TO_ELSEWHERE");
    }
}
