package org.havewemet.reply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DraftComposerTest {
    private final DraftComposer composer =
            new DraftComposer(Clock.fixed(Instant.parse("2026-11-25T05:00:00Z"), ZoneOffset.UTC));

    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void composeShouldHaveNoRecipientAndDraftHeaderWhenBuilt() throws Exception {
        MimeMessage draft = roundTrip(composer.compose("alice@example.org", "Have we met?", "Hi Bob,\nhave we met?",
                "https://www.linkedin.com/in/bob-example", "<orig@linkedin.test>"));

        assertThat(draft.getAllRecipients()).isNull();
        assertThat(draft.getFrom()).extracting(Object::toString).containsExactly("alice@example.org");
        assertThat(draft.getHeader(DraftComposer.DRAFT_HEADER, null)).isEqualTo("true");
        assertThat(draft.getHeader("In-Reply-To", null)).isEqualTo("<orig@linkedin.test>");
        assertThat(draft.getSubject()).isEqualTo("Have we met?");
        assertThat(((String) draft.getContent()).replace("\r\n", "\n"))
                .isEqualTo("Hi Bob,\nhave we met?\n\nProfile: https://www.linkedin.com/in/bob-example\n");
    }

    @Test
    void composeShouldNotRepeatProfileLinkWhenBodyAlreadyHasIt() throws Exception {
        String body = "See https://www.linkedin.com/in/bob-example and answer there.";
        MimeMessage draft = roundTrip(composer.compose("alice@example.org", "s", body,
                "https://www.linkedin.com/in/bob-example", null));

        assertThat(((String) draft.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    }

    @Test
    void composeShouldIgnoreProfileLinkWhenItIsNotHttp() throws Exception {
        MimeMessage draft = roundTrip(composer.compose("alice@example.org", "s", "body",
                "javascript:alert(1)", null));

        assertThat((String) draft.getContent()).isEqualTo("body");
    }
}
