package org.havewemet.triage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.havewemet.triage.accuracy.Corpora;
import org.havewemet.triage.accuracy.LabelledMail;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs triage over every labelled folder of the shared corpus of real mail (../shared/corpus/{@literal *}/labels.tsv
 * beside the repository; never copied into it): every row must get its labelled verdict, and the inviter's name must
 * mostly match. A folder added later is picked up without a code change.
 */
class RealCorpusTest {
    private static final Triage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);

    private static Path corpus() throws IOException {
        Optional<Path> corpus = Corpora.sharedCorpus();
        assumeTrue(corpus.isPresent(), "shared corpus not found: expected ../shared/corpus beside the repository root ("
            + Corpora.repositoryRoot().map(r -> r.resolveSibling("shared").resolve("corpus").toString()).orElse("?") + ")");
        return corpus.get();
    }

    @TestFactory
    Stream<DynamicTest> everyLabelledMailOfEveryFolderShouldGetItsVerdict() throws IOException {
        List<Path> folders = Corpora.labelledFolders(corpus());
        assertThat(folders).as("labelled folders under the shared corpus").isNotEmpty();
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            List<LabelledMail> rows = Corpora.sharedFolder(folder);
            assertThat(rows).as(folder + "/labels.tsv rows").isNotEmpty();
            List<String> failures = new ArrayList<>();
            for (LabelledMail row : rows) {
                TriageResult result = TRIAGE.triage(Mails.read(row.eml()), null, "someone@example.com");
                if (!row.accepted().contains(result.verdict())) {
                    failures.add(row.file() + ": expected " + row.accepted() + " got " + result.verdict() + " "
                        + result.reasons());
                }
            }
            assertThat(failures).as("verdict failures in " + folder.getFileName()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> inviterNameShouldMatchForNineInTenInvitationsOfEveryFolder() throws IOException {
        return Corpora.labelledFolders(corpus()).stream().map(folder ->
            DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
                int names = 0;
                List<String> misses = new ArrayList<>();
                for (LabelledMail row : Corpora.sharedFolder(folder)) {
                    TriageResult result = TRIAGE.triage(Mails.read(row.eml()), null, "someone@example.com");
                    if (row.inviterName().isEmpty() || result.verdict() == Verdict.NOT_INVITATION) {
                        continue;
                    }
                    names++;
                    String got = result.invitation().map(i -> i.inviter().name()).orElse(null);
                    if (got == null || !norm(got).equals(norm(row.inviterName()))) {
                        misses.add(row.file() + ": expected '" + row.inviterName() + "' got '" + got + "'");
                    }
                }
                assertThat(names - misses.size()).as("names right, misses: " + misses)
                    .isGreaterThanOrEqualTo((int) Math.ceil(0.9 * names) - (names < 10 ? 1 : 0));
            }));
    }

    @Test
    void htmlOnlyVariantOfEveryMultipartMailShouldGetTheSameVerdictAndInviter() throws Exception {
        // The module's fixtures and every shared folder: the shared corpus alone has no text+HTML multipart mail.
        int variants = 0;
        List<String> failures = new ArrayList<>();
        List<LabelledMail> rows = new ArrayList<>(Corpora.moduleFixtures());
        for (Path folder : Corpora.labelledFolders(corpus())) {
            rows.addAll(Corpora.sharedFolder(folder));
        }
        for (LabelledMail row : rows) {
            MimeMessage message = Mails.read(row.eml());
            if (!(message.getContent() instanceof MimeMultipart mp) || !dropPlainPart(mp)) {
                continue;
            }
            message.saveChanges();
            variants++;
            TriageResult result = TRIAGE.triage(message, null, "someone@example.com");
            String name = result.invitation().map(i -> i.inviter().name()).orElse("");
            if (!row.accepted().contains(result.verdict()) || (result.verdict() != Verdict.NOT_INVITATION
                    && !row.inviterName().isEmpty() && !norm(name).equals(norm(row.inviterName())))) {
                failures.add(row.file() + ": " + result.verdict() + " " + name + " " + result.reasons());
            }
        }
        // A corpus without any multipart mail would make this test vacuous: there must be something to compare.
        assertThat(variants).as("multipart mails with a text/plain and a text/html part").isPositive();
        assertThat(failures).isEmpty();
    }

    /** Removes the text/plain alternative when an HTML one exists, so that the HTML path is exercised. */
    private static boolean dropPlainPart(MimeMultipart mp) throws MessagingException {
        int plain = -1;
        boolean html = false;
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType("text/plain")) {
                plain = i;
            } else if (mp.getBodyPart(i).isMimeType("text/html")) {
                html = true;
            }
        }
        if (plain < 0 || !html) {
            return false;
        }
        mp.removeBodyPart(plain);
        return true;
    }

    private static String norm(String name) {
        return name.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
