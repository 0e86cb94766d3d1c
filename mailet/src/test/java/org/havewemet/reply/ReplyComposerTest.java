package org.havewemet.reply;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyComposerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");
    private final ReplyComposer composer = new ReplyComposer(Clock.fixed(NOW, ZoneOffset.UTC));

    private MimeMessage compose(String subject, String body) {
        return composer.compose("alice@example.org", "bob@inviter.test", "<orig-1@inviter.test>",
                "<root@inviter.test> <mid@inviter.test>", subject, body);
    }

    /** Serialises and parses again: asserts on what really leaves the server. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void composeShouldAddressUserToInviterOnlyWhenBuilt() throws Exception {
        MimeMessage reply = roundTrip(compose("Have we met?", "Hello"));

        assertThat(reply.getFrom()).extracting(Object::toString).containsExactly("alice@example.org");
        assertThat(reply.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("bob@inviter.test");
        assertThat(reply.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(reply.getRecipients(Message.RecipientType.BCC)).isNull();
        assertThat(reply.getHeader("Reply-To")).isNull();
    }

    @Test
    void composeShouldMarkAutoRepliedAndThreadWhenBuilt() throws Exception {
        MimeMessage reply = roundTrip(compose("Have we met?", "Hello"));

        assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<orig-1@inviter.test>");
        assertThat(MessageIds.parseAll(reply.getHeader("References", null)))
                .containsExactly("<root@inviter.test>", "<mid@inviter.test>", "<orig-1@inviter.test>");
        assertThat(reply.getSentDate().toInstant()).isEqualTo(NOW);
    }

    @Test
    void composeShouldMintFreshMessageIdWhichSurvivesSaveChanges() throws Exception {
        MimeMessage first = compose("s", "b");
        MimeMessage second = compose("s", "b");
        String id = first.getMessageID();

        first.saveChanges();

        assertThat(id).startsWith("<havewemet.").endsWith("@example.org>");
        assertThat(first.getMessageID()).isEqualTo(id);
        assertThat(roundTrip(first).getMessageID()).isEqualTo(id);
        assertThat(second.getMessageID()).isNotEqualTo(id);
    }

    @Test
    void composeShouldWritePlainUtf8QuotedPrintableWhenBodyIsNonAscii() throws Exception {
        String body = "Bonjour, nous sommes-nous déjà rencontrés ? Ça m'aiderait de savoir.\nMerci — Alice ☺";
        MimeMessage built = compose("Have we met?", body);
        String raw = raw(built);
        MimeMessage reply = roundTrip(built);

        assertThat(reply.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(reply.getEncoding()).isEqualTo("quoted-printable");
        assertThat(raw).doesNotContain("é");
        assertThat(((String) reply.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    }

    @Test
    void composeShouldEncodeSubjectAsRfc2047WhenNonAscii() throws Exception {
        MimeMessage built = compose("Sind wir uns schon begegnet? – Grüße", "x");

        assertThat(built.getHeader("Subject", null)).startsWith("=?UTF-8?");
        assertThat(roundTrip(built).getSubject()).isEqualTo("Sind wir uns schon begegnet? – Grüße");
    }

    @Test
    void composeShouldStripControlCharactersWhenSubjectCarriesHeaderInjection() throws Exception {
        MimeMessage built = compose("Re: hi\r\nBcc: victim@elsewhere.test\u0000\u0007", "x");
        MimeMessage reply = roundTrip(built);

        assertThat(reply.getSubject()).isEqualTo("Re: hi Bcc: victim@elsewhere.test");
        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(raw(built)).doesNotContain("\nBcc:");
    }

    @Test
    void composeShouldDropInjectedHeadersWhenOriginalMessageIdCarriesCrLf() throws Exception {
        MimeMessage built = composer.compose("alice@example.org", "bob@inviter.test",
                "<x@y>\r\nBcc: victim@elsewhere.test", "<a@b>\nTo: other@evil.test", "s", "b");
        MimeMessage reply = roundTrip(built);

        assertThat(reply.getHeader("Bcc")).isNull();
        assertThat(reply.getRecipients(Message.RecipientType.TO)).hasSize(1);
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<x@y>");
        assertThat(MessageIds.parseAll(reply.getHeader("References", null))).containsExactly("<a@b>", "<x@y>");
    }

    @Test
    void composeShouldFoldAndTrimReferencesWhenThreadIsLong() throws Exception {
        String refs = IntStream.range(0, 40).mapToObj(i -> "<message-number-" + i + "@lists.inviter.test>")
                .collect(Collectors.joining(" "));
        MimeMessage built = composer.compose("alice@example.org", "bob@inviter.test", "<last@inviter.test>", refs,
                "s", "b");
        String raw = raw(built);

        assertThat(raw.lines().takeWhile(l -> !l.isEmpty())).allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(78));
        assertThat(MessageIds.parseAll(roundTrip(built).getHeader("References", null)))
                .hasSize(MessageIds.MAX_REFERENCES)
                .startsWith("<message-number-0@lists.inviter.test>")
                .endsWith("<message-number-39@lists.inviter.test>", "<last@inviter.test>");
    }

    @Test
    void composeShouldOmitThreadingWhenOriginalHasNoMessageId() throws Exception {
        MimeMessage reply = roundTrip(composer.compose("alice@example.org", "bob@inviter.test", null, null,
                "s", "b"));

        assertThat(reply.getHeader("In-Reply-To")).isNull();
        assertThat(reply.getHeader("References")).isNull();
    }

    @Test
    void composeShouldRejectWhenRecipientIsNotOneMailbox() {
        assertThatThrownBy(() -> composer.compose("alice@example.org", "a@x.test, b@y.test", null, null, "s", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> composer.compose("alice@example.org", "undisclosed:;", null, null, "s", "b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> composer.compose("not an address", "bob@inviter.test", null, null, "s", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void composeShouldNotCarryDisplayNameWhenRecipientHasOne() throws Exception {
        MimeMessage reply = roundTrip(composer.compose("alice@example.org", "\"Evil\r\nBcc: x@y\" <bob@inviter.test>",
                null, null, "s", "b"));

        assertThat(reply.getHeader("To", null)).isEqualTo("bob@inviter.test");
    }
}
