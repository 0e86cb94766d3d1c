package org.havewemet.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.havewemet.triage.accuracy.Corpora;
import org.havewemet.triage.accuracy.LabelledMail;
import org.havewemet.triage.mime.MimeText;
import org.havewemet.triage.profile.KeywordScanner;
import org.havewemet.triage.profile.PlatformProfiles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationGateTest {
    private static final Triage GATED = InvitationTriage.withDefaults(KnownInviters.NOBODY);
    private static final Triage UNGATED = new InvitationTriage(PlatformProfiles.loadDefault(), JudgeSettings.defaults(),
        KnownInviters.NOBODY, false);

    @Test
    void gateShouldNeverChangeAVerdictWhenRunOverEveryLabelledMail() throws IOException {
        List<LabelledMail> mails = new ArrayList<>(Corpora.moduleFixtures());
        Corpora.generalization("tuning").ifPresent(dir -> mails.addAll(read(dir)));
        Optional<Path> shared = Corpora.sharedCorpus();
        if (shared.isPresent()) {
            for (Path folder : Corpora.labelledFolders(shared.get())) {
                mails.addAll(Corpora.sharedFolder(folder));
            }
        }
        List<String> changed = new ArrayList<>();
        for (LabelledMail mail : mails) {
            Verdict gated = GATED.triage(Mails.read(mail.eml()), null, "someone@example.com").verdict();
            Verdict full = UNGATED.triage(Mails.read(mail.eml()), null, "someone@example.com").verdict();
            if (gated != full) {
                changed.add(mail.file() + ": " + full + " became " + gated);
            }
        }
        assertThat(mails).hasSizeGreaterThan(100);
        assertThat(changed).isEmpty();
    }

    @Test
    void ordinaryMailShouldStopAtTheGateWhenNothingInItCouldMakeAnInvitation() {
        String mail = "From: Anna Berger <anna@family.example.net>\r\nTo: paul@example.com\r\nSubject: Sunday lunch\r\n"
            + "Message-ID: <42@family.example.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
            + "Hi Paul, the garden is ready, bring the photos of the holiday. Anna\r\n";
        InvitationGate gate = new InvitationGate(PlatformProfiles.loadDefault(), List.of("x-linkedin-class"));

        assertThat(gate.mayBeInvitation(MimeText.read(
            Mails.read(mail.getBytes(StandardCharsets.UTF_8)), List.of()))).isFalse();
    }

    @Test
    void keywordScannerShouldFindAWordInsideAnotherAndInAnyCaseOrScript() {
        KeywordScanner scanner = new KeywordScanner(List.of("invit", "友達", "друз", "abcab"));

        assertThat(scanner.foundIn("You are INVITED", 100)).isTrue();
        assertThat(scanner.foundIn("小林さんから友達申請", 100)).isTrue();
        assertThat(scanner.foundIn("Заявка в ДРУЗЬЯ", 100)).isTrue();
        assertThat(scanner.foundIn("xxabcabcab", 100)).isTrue();
        assertThat(scanner.foundIn("an ordinary lunch", 100)).isFalse();
        assertThat(scanner.foundIn("lunch, then an invitation", 10)).isFalse();
    }

    private static List<LabelledMail> read(Path dir) {
        try {
            return LabelledMail.read(dir.resolve("labels.tsv"), dir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
