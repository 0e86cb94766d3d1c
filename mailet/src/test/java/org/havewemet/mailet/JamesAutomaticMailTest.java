package org.havewemet.mailet;

import org.apache.james.core.MaybeSender;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.havewemet.reply.ReasonCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** James' own AutomaticallySentMailDetector (the one its mailet container binds), as reply policy verdicts. */
class JamesAutomaticMailTest {
    private final AutomaticallySentMailDetectorImpl detector = new AutomaticallySentMailDetectorImpl();

    private static Mail mail(MimeMessageBuilder message, MaybeSender sender) throws Exception {
        return FakeMail.builder().name("m").mimeMessage(message).sender(sender).recipient(MailetFixture.USER).build();
    }

    private static MaybeSender person() {
        return MaybeSender.getMailSender("bob@example.org");
    }

    @Test
    void verdictShouldBeNoneForAPersonsMail() throws Exception {
        Mail mail = mail(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText("Let's connect"), person());

        assertThat(JamesAutomaticMail.verdict(detector, mail)).isNull();
    }

    @Test
    void verdictShouldCallADeliveryReportAnAutomaticReport() throws Exception {
        Mail mail = FakeMail.builder().name("report").mimeMessage(MailetFixture.fixture("/mailet/delivery-report.eml"))
            .sender(person()).recipient(MailetFixture.USER).build();

        assertThat(JamesAutomaticMail.verdict(detector, mail).code()).isEqualTo(ReasonCode.AUTOMATIC_REPORT);
    }

    @Test
    void verdictShouldCallMailFromAListManagerListMail() throws Exception {
        Mail mail = mail(MimeMessageBuilder.mimeMessageBuilder().setSubject("Digest").setText("news"),
            MaybeSender.getMailSender("owner-list@example.org"));

        assertThat(JamesAutomaticMail.verdict(detector, mail).code()).isEqualTo(ReasonCode.LIST_MAIL);
    }

    @Test
    void verdictShouldCallAutoRepliedMailAutoSubmitted() throws Exception {
        Mail mail = mail(MimeMessageBuilder.mimeMessageBuilder().setSubject("Out of office")
            .addHeader("Auto-Submitted", "auto-replied").setText("away"), person());

        assertThat(JamesAutomaticMail.verdict(detector, mail).code()).isEqualTo(ReasonCode.AUTO_SUBMITTED);
    }

    @Test
    void verdictShouldCallTheNullSenderANullSender() throws Exception {
        Mail mail = mail(MimeMessageBuilder.mimeMessageBuilder().setSubject("Bounce").setText("x"),
            MaybeSender.nullSender());

        assertThat(JamesAutomaticMail.verdict(detector, mail).code()).isEqualTo(ReasonCode.NULL_SENDER);
    }

    @Test
    void verdictShouldBeNoneWithoutADetector() throws Exception {
        Mail mail = mail(MimeMessageBuilder.mimeMessageBuilder().setSubject("Hello").setText("x"),
            MaybeSender.nullSender());

        assertThat(JamesAutomaticMail.verdict(null, mail)).isNull();
    }
}
