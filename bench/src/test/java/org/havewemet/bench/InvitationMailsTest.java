package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.TriageResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated mailbox is deterministic, valid MIME, and what triage recognises as invitations. */
class InvitationMailsTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    }

    @Test
    void mailShouldBeByteIdenticalWhenGeneratedTwiceWithTheSameSeed() {
        InvitationMails first = new InvitationMails(7, 500);
        InvitationMails second = new InvitationMails(7, 500);
        for (int i = 0; i < 500; i += 37) {
            assertThat(second.mail(i)).isEqualTo(first.mail(i));
        }
        assertThat(new InvitationMails(8, 500).mail(3)).isNotEqualTo(first.mail(3));
    }

    @Test
    void triageShouldRecogniseEveryMailAsAnInvitationOfSeveralPlatformsWhenGenerated() throws Exception {
        InvitationMails mails = new InvitationMails(42, 400);
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        Map<String, Integer> platforms = new HashMap<>();
        for (int i = 0; i < mails.size(); i++) {
            TriageResult r = triage.triage(parse(mails.mail(i)), null, InvitationLayouts.RECIPIENT);
            assertThat(r.invitation()).as("mail %d", i).isPresent();
            assertThat(r.invitation().get().inviter().name()).as("mail %d", i).isNotBlank();
            platforms.merge(r.invitation().get().platform(), 1, Integer::sum);
        }
        assertThat(platforms).containsKeys("linkedin", "xing", "viadeo", "direct");
    }

    @Test
    void renderedMailShouldCarryItsDraftsIdDateAndEncodedNameWhenParsedBack() throws Exception {
        InvitationMails mails = new InvitationMails(42, 2000);
        for (int i = 0; i < 2000; i++) {
            MimeRenderer.Draft d = mails.draft(i);
            if (!d.fromName().contains("ü")) {
                continue;
            }
            byte[] raw = mails.mail(i);
            MimeMessage m = parse(raw);
            assertThat(m.getMessageID()).isEqualTo(d.messageId());
            assertThat(m.getSentDate().toInstant()).isEqualTo(d.date());
            assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo(d.fromName());
            assertThat(new String(raw, StandardCharsets.US_ASCII)).contains("From: =?UTF-8?");
            assertThat(m.getHeader("Date")[0]).endsWith("GMT");
            return;
        }
        throw new AssertionError("no inviter with an ü in 2000 mails");
    }

    @Test
    void modernLinkedInNoticeShouldBeMultipartAlternativeWhenRendered() throws Exception {
        InvitationMails mails = new InvitationMails(42, 200);
        int multipart = 0;
        for (int i = 0; i < 200; i++) {
            if (mails.draft(i).html() != null) {
                assertThat(parse(mails.mail(i)).getContentType()).startsWith("multipart/alternative");
                multipart++;
            }
        }
        assertThat(multipart).isBetween(40, 110);
    }
}
