package org.havewemet.mailet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.apache.james.task.Task;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.havewemet.index.SortOrder;
import org.havewemet.tasks.EraseInviterTask;
import org.havewemet.tasks.TaskDetails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing one person reaches every store havewemet keeps about them, including a direct request whose notice shows no
 * address of theirs (the recorded invitation carries the address it came from). The digest has no store of its own:
 * it is built from the index and the ledger at send time.
 */
class EraseInviterTaskTest {
    static final String SAM = "sam@remote.example";

    @TempDir
    Path jamesHome;
    private MailetFixture fixture;
    private HaveWeMetRuntime runtime;

    @BeforeEach
    void setUp() {
        fixture = new MailetFixture(jamesHome, true);
        runtime = fixture.runtime;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private void receiveDirectRequestFromSam() throws Exception {
        TriageInvitations mailet = new TriageInvitations(runtime, fixture.metrics);
        mailet.init(FakeMailetConfig.builder().mailetName("TriageInvitations").mailetContext(fixture.context).build());
        Mail mail = FakeMail.builder().name("sam").mimeMessage(MailetFixture.fixture("/mailet/direct-sam-remote.eml"))
            .sender(SAM).recipient(MailetFixture.USER).build();
        mailet.service(mail);
    }

    private long hits(String query) throws Exception {
        return runtime.index().search(MailetFixture.USER, query, SortOrder.DATE, 10, 0).total();
    }

    private static TaskDetails erase(EraseInviterTask task) {
        assertThat(task.run()).isEqualTo(Task.Result.COMPLETED);
        return (TaskDetails) task.details().orElseThrow();
    }

    @Test
    void eraseShouldRemoveTheIndexDocumentOfADirectRequestWhoseSenderTheNoticeDoesNotShow() throws Exception {
        receiveDirectRequestFromSam();
        assertThat(hits("from:" + SAM)).as("recorded under the address it came from").isEqualTo(1);

        TaskDetails details = erase(new EraseInviterTask(runtime, SAM));

        assertThat(details.values()).containsEntry("address", SAM).containsEntry("indexDocuments", 1);
        assertThat(hits("Sam")).isZero();
        assertThat(hits("")).isZero();
    }

    @Test
    void eraseShouldRemoveTheCorrespondentEntries() throws Exception {
        runtime.recordCorrespondent(MailetFixture.USER, SAM, "Sam Poe");
        assertThat(runtime.index().isKnown(MailetFixture.USER, SAM, null)).isTrue();

        TaskDetails details = erase(new EraseInviterTask(runtime, SAM));

        assertThat(details.values()).containsEntry("indexDocuments", 1);
        assertThat(runtime.index().isKnown(MailetFixture.USER, SAM, null)).isFalse();
    }

    @Test
    void eraseShouldRemoveTheLedgerLinesOnDisk() throws Exception {
        Instant now = Instant.now();
        assertThat(runtime.ledger().tryReserve(MailetFixture.USER, SAM, now, Duration.ofDays(30))).isTrue();
        runtime.ledger().recordSent(MailetFixture.USER, SAM, "<reply@havewemet.test>", "<direct-sam@remote.example>",
            null, now);

        TaskDetails details = erase(new EraseInviterTask(runtime, SAM));

        assertThat(details.values()).containsEntry("ledgerEntries", 1);
        assertThat(runtime.ledger().entries(MailetFixture.USER)).isEmpty();
        try (Stream<Path> files = Files.walk(jamesHome.resolve("var/havewemet/ledger"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(SAM);
            }
        }
    }

    private void askSamHaveWeMet() {
        Instant now = Instant.now();
        assertThat(runtime.ledger().tryReserve(MailetFixture.USER, SAM, now, Duration.ofDays(30))).isTrue();
        runtime.ledger().recordSent(MailetFixture.USER, SAM, "<reply@havewemet.test>", "<direct-sam@remote.example>",
            null, now);
    }

    @Test
    void digestShouldListTheRequestAndTheOpenQuestionOfSomeoneNotErased() throws Exception {
        receiveDirectRequestFromSam();
        askSamHaveWeMet();

        assertThat(runtime.sendDigest(MailetFixture.USER)).isEqualTo(2);
    }

    @Test
    void eraseShouldLeaveTheDigestNothingAboutThePerson() throws Exception {
        receiveDirectRequestFromSam();
        askSamHaveWeMet();

        erase(new EraseInviterTask(runtime, SAM));

        assertThat(runtime.sendDigest(MailetFixture.USER)).isZero();
        assertThat(fixture.fake.getSentMails()).hasSize(1);
        assertThat(fixture.fake.getSentMails().get(0).getMsg().getContent().toString())
            .doesNotContain("Sam").doesNotContain(SAM);
    }

    @Test
    void eraseShouldReportNothingForSomeoneUnknown() {
        TaskDetails details = erase(new EraseInviterTask(runtime, "nobody@remote.example"));

        assertThat(details.values()).containsEntry("indexDocuments", 0).containsEntry("ledgerEntries", 0);
    }
}
