package org.havewemet.mailet;

import java.nio.file.Path;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.havewemet.index.SortOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link TriageInvitations} driven through James' mailet test kit, over a real runtime (index and ledger on disk). */
class TriageInvitationsTest {
    @TempDir
    Path jamesHome;
    private MailetFixture fixture;
    private TriageInvitations mailet;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MailetFixture(jamesHome, true);
        mailet = new TriageInvitations(fixture.runtime, fixture.metrics);
        mailet.init(config().build());
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private FakeMailetConfig.Builder config() {
        return FakeMailetConfig.builder().mailetName("TriageInvitations").mailetContext(fixture.context);
    }

    private static Mail mail(String fixture, String sender) throws MessagingException {
        return FakeMail.builder().name("mail-" + fixture).mimeMessage(MailetFixture.fixture(fixture))
            .sender(sender).recipient(MailetFixture.USER).build();
    }

    private static Optional<String> folderOf(Mail mail) {
        return StorageDirective.fromMail(Username.of(MailetFixture.USER), mail).getTargetFolder();
    }

    private static Optional<String> header(Mail mail, String name) throws MessagingException {
        return mail.getPerRecipientSpecificHeaders().getHeadersForRecipient(new MailAddress(MailetFixture.USER))
            .stream().filter(h -> h.getName().equals(name)).map(PerRecipientHeaders.Header::getValue).findFirst();
    }

    @Test
    void initShouldFailWhenAParameterIsUnknown() {
        TriageInvitations other = new TriageInvitations(fixture.runtime, fixture.metrics);

        assertThatThrownBy(() -> other.init(config().setProperty("confg", "file://conf/havewemet.yaml").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("confg");
    }

    @Test
    void initShouldAcceptTheConfigParameterAndJamesErrorHandling() throws Exception {
        TriageInvitations other = new TriageInvitations(fixture.runtime, fixture.metrics);

        other.init(config().setProperty("config", "file://conf/havewemet.yaml")
            .setProperty("onMailetException", "ignore").build());
    }

    @Test
    void initShouldFailWithTheExtensionsPropertiesLinesWhenTheExtensionIsNotDeclared() {
        try (MailetFixture undeclared = new MailetFixture(jamesHome.resolve("other"), false)) {
            TriageInvitations other = new TriageInvitations(undeclared.runtime, undeclared.metrics);

            assertThatThrownBy(() -> other.init(config().build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("conf/extensions.properties")
                .hasMessageContaining("guice.extension.module=org.havewemet.james.HaveWeMetModule");
        }
    }

    @Test
    void serviceShouldFileAnUnexplainedInvitationIntoTheUnexplainedFolderWithItsVerdictHeaders() throws Exception {
        Mail mail = mail("li2016-default-en.eml", "s-1@bounce.linkedin.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).contains("Invitations/Unexplained");
        assertThat(header(mail, TriageInvitations.VERDICT_HEADER)).contains("UNEXPLAINED");
        assertThat(header(mail, TriageInvitations.REASONS_HEADER)).hasValueSatisfying(reasons ->
            assertThat(reasons).contains("DEFAULT_NOTE"));
        assertThat(fixture.metrics.countFor("havewemet_verdict_unexplained")).isEqualTo(1);
    }

    @Test
    void serviceShouldFileAPersonalInvitationIntoThePriorityFolder() throws Exception {
        Mail mail = mail("li2016-note-met-at-conference.eml", "s-2@bounce.linkedin.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).contains("Invitations/Priority");
        assertThat(header(mail, TriageInvitations.VERDICT_HEADER)).contains("PERSONAL");
    }

    @Test
    void serviceShouldFileASuspiciousMailIntoSpam() throws Exception {
        Mail mail = mail("phish-lookalike-linkedln.eml", "s-3@bounce.linkedln.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).contains("Spam");
        assertThat(header(mail, TriageInvitations.VERDICT_HEADER)).contains("SUSPICIOUS");
    }

    @Test
    void serviceShouldFileAKnownInviterIntoThePriorityFolder() throws Exception {
        fixture.runtime.recordCorrespondent(MailetFixture.USER, "alice.known@example.com", "Alice Known");
        Mail mail = mail("direct-known-inviter.eml", "alice.known@example.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).contains("Invitations/Priority");
        assertThat(header(mail, TriageInvitations.VERDICT_HEADER)).contains("KNOWN");
    }

    @Test
    void serviceShouldLeaveMailThatIsNoInvitationToNormalDelivery() throws Exception {
        Mail mail = mail("li2024-search-appearances.eml", "s-4@bounce.linkedin.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).isEmpty();
        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
    }

    @Test
    void serviceShouldRemoveHaveWeMetHeadersThatCameFromOutside() throws Exception {
        MimeMessage forged = MailetFixture.fixture("li2024-search-appearances.eml");
        forged.setHeader("X-HaveWeMet-Verdict", "PERSONAL");
        forged.setHeader("x-havewemet-reasons", "FORGED");
        Mail mail = FakeMail.builder().name("forged").mimeMessage(forged).sender("s-5@bounce.linkedin.com")
            .recipient(MailetFixture.USER).build();

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader("X-HaveWeMet-Verdict")).isNull();
        assertThat(mail.getMessage().getHeader("X-HaveWeMet-Reasons")).isNull();
    }

    @Test
    void serviceShouldIgnoreRecipientsThatAreNotLocal() throws Exception {
        Mail mail = FakeMail.builder().name("remote").mimeMessage(MailetFixture.fixture("li2016-default-en.eml"))
            .sender("s-6@bounce.linkedin.com").recipient("someone@elsewhere.example").build();

        mailet.service(mail);

        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
    }

    @Test
    void serviceShouldNotTriageMailHaveWeMetGenerated() throws Exception {
        Mail mail = FakeMail.builder().name("ours").mimeMessage(MailetFixture.fixture("li2016-default-en.eml"))
            .sender("s-7@bounce.linkedin.com").recipient(MailetFixture.USER)
            .attribute(TriageInvitations.GENERATED).build();

        mailet.service(mail);

        assertThat(folderOf(mail)).isEmpty();
        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
    }

    @Test
    void serviceShouldDeliverNormallyAndCountTheFailureWhenHaveWeMetFails() throws Exception {
        fixture.runtime.stop();
        Mail mail = mail("li2016-default-en.eml", "s-8@bounce.linkedin.com");

        mailet.service(mail);

        assertThat(folderOf(mail)).isEmpty();
        assertThat(mail.getPerRecipientSpecificHeaders().getRecipientsWithSpecificHeaders()).isEmpty();
        assertThat(fixture.metrics.countFor("havewemet_failures")).isEqualTo(1);
    }

    @Test
    void serviceShouldRecordTheInvitationInTheIndex() throws Exception {
        Mail mail = mail("li2016-default-en.eml", "s-9@bounce.linkedin.com");

        mailet.service(mail);

        assertThat(fixture.runtime.index().search(MailetFixture.USER, "", SortOrder.DATE, 10, 0)
            .total()).isEqualTo(1);
    }
}
