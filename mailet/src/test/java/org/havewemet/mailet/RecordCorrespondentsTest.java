package org.havewemet.mailet;

import java.nio.file.Path;

import javax.mail.MessagingException;

import org.apache.james.core.MaybeSender;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RecordCorrespondents} driven through James' mailet test kit, over a real runtime. */
class RecordCorrespondentsTest {
    @TempDir
    Path jamesHome;
    private MailetFixture fixture;
    private RecordCorrespondents mailet;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MailetFixture(jamesHome, true);
        mailet = new RecordCorrespondents(fixture.runtime, fixture.metrics);
        mailet.init(config().build());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("RecordCorrespondents").mailetContext(fixture.context);
    }

    private static Mail outgoing(MaybeSender sender) throws MessagingException {
        return FakeMail.builder().name("outgoing").mimeMessage(MailetFixture.fixture("li2024-search-appearances.eml"))
            .sender(sender).recipient("alice.known@example.com").build();
    }

    @Test
    void initShouldFailWhenGivenAParameter() {
        RecordCorrespondents other = new RecordCorrespondents(fixture.runtime, fixture.metrics);

        assertThatThrownBy(() -> other.init(config().setProperty("config", "file://conf/havewemet.yaml").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("config");
    }

    @Test
    void initShouldFailWhenTheExtensionIsNotDeclared() {
        try (MailetFixture undeclared = new MailetFixture(jamesHome.resolve("other"), false)) {
            RecordCorrespondents other = new RecordCorrespondents(undeclared.runtime, undeclared.metrics);

            assertThatThrownBy(() -> other.init(config().build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("guice.extension.startable=org.havewemet.james.HaveWeMetStartable");
        }
    }

    @Test
    void serviceShouldMakeTheRecipientsKnownCorrespondentsOfTheSender() throws Exception {
        mailet.service(outgoing(MaybeSender.getMailSender(MailetFixture.USER)));

        assertThat(fixture.runtime.index().isKnown(MailetFixture.USER, "alice.known@example.com", null)).isTrue();
        assertThat(fixture.metrics.countFor("havewemet_correspondents_recorded")).isEqualTo(1);
    }

    @Test
    void serviceShouldIgnoreMailWithANullSender() throws Exception {
        mailet.service(outgoing(MaybeSender.nullSender()));

        assertThat(fixture.metrics.countFor("havewemet_correspondents_recorded")).isZero();
    }

    @Test
    void serviceShouldNeverChangeTheMail() throws Exception {
        Mail mail = outgoing(MaybeSender.getMailSender(MailetFixture.USER));
        String before = mail.getMessage().getSubject();

        mailet.service(mail);

        assertThat(mail.getMessage().getSubject()).isEqualTo(before);
        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
        assertThat(mail.attributeNames()).isEmpty();
    }
}
