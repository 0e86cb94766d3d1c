package org.havewemet.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Sieve side really classifies (a broken script would make the benchmark measure James' error path). */
class EquivalentSieveScriptTest {
    private final BenchMessages messages = BenchMessages.load(BenchMessages.repoRoot());
    private final SieveSide sieve = new SieveSide(EquivalentSieveScript.generate());

    private String folderOf(String fixture) {
        for (int i = 0; i < messages.size(); i++) {
            if (messages.files().get(i).getFileName().equals(Path.of(fixture))) {
                return SieveSide.folder(sieve.service(messages.parse(i)));
            }
        }
        throw new AssertionError("no fixture " + fixture);
    }

    @Test
    void sieveShouldFileDefaultSentenceIntoUnexplainedWhenLinkedInNoticeCarriesIt() {
        assertThat(folderOf("li2016-default-en.eml")).isEqualTo(EquivalentSieveScript.UNEXPLAINED);
    }

    @Test
    void sieveShouldFileNoticeIntoPriorityWhenNoteIsOwnWords() {
        assertThat(folderOf("li2016-note-met-at-conference.eml")).isEqualTo(EquivalentSieveScript.PRIORITY);
    }

    @Test
    void sieveShouldKeepMailInInboxWhenItIsNoNotice() {
        assertThat(folderOf("not-invitation.eml")).isEqualTo("INBOX");
    }

    @Test
    void messagesShouldComeFromBothFixtureFoldersWhenLoaded() {
        assertThat(messages.files()).anyMatch(p -> p.toString().contains("triage/src/test/resources/fixtures"))
                .anyMatch(p -> p.toString().contains("integration-tests/src/test/resources/mails"));
    }

    @Test
    void verdictShouldSayInconclusiveWhenErrorBandsStraddleTheGoal() {
        assertThat(RatioReport.verdict(new double[] {1, 0.1}, new double[] {4, 0.1}, 0.5)).isEqualTo("met");
        assertThat(RatioReport.verdict(new double[] {4, 0.1}, new double[] {4, 0.1}, 0.5)).isEqualTo("missed");
        assertThat(RatioReport.verdict(new double[] {2, 1}, new double[] {5, 4}, 0.5)).startsWith("inconclusive");
    }
}
