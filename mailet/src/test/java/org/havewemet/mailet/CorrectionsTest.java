package org.havewemet.mailet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** What one user's corrections change, for that user only: relations first, then the bounded per-user model. */
class CorrectionsTest {
    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @TempDir
    Path dir;

    private static Invitation invitation(String name, String note) {
        return new Invitation("linkedin", EventKind.INVITATION, new Inviter(name, "Engineer", null, null, null,
            "https://www.linkedin.com/in/" + name.toLowerCase(Locale.ROOT).replace(' ', '-')), note, "en",
            null, null, 1, 300, null);
    }

    private static TriageResult unexplained(Invitation invitation) {
        return new TriageResult(Optional.of(invitation), Verdict.UNEXPLAINED, List.of(new Reason("NO_NOTE", 1, "")));
    }

    private static Corrections corrections(UserLearning learning, String yaml) throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString(yaml, "x");
        return new Corrections(config.learning(), learning);
    }

    private static void move(UserLearning learning, String user, String id, Invitation invitation,
                             UserLearning.Target target) throws Exception {
        learning.correct(user, id, MassInviters.key(invitation), NoteFeatures.of(invitation), target, NOW);
    }

    private static Set<String> codes(TriageResult result) {
        return Set.copyOf(result.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void movedToPriorityShouldMakeTheInvitersNextInvitationKnownAndMovedBackShouldUndoIt() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Corrections corrections = corrections(learning, "");
        Invitation carol = invitation("Carol Known", null);

        move(learning, ALICE, "a/1", carol, UserLearning.Target.PRIORITY);
        TriageResult next = corrections.mark(ALICE, unexplained(carol));
        assertThat(next.verdict()).isEqualTo(Verdict.KNOWN);
        assertThat(codes(next)).contains("USER_CORRECTION");

        move(learning, ALICE, "a/1", carol, UserLearning.Target.UNEXPLAINED);
        assertThat(corrections.mark(ALICE, unexplained(carol)).verdict()).isEqualTo(Verdict.UNEXPLAINED);
    }

    @Test
    void movedToSpamShouldSendTheInvitersNextMailsToSpam() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Invitation spammer = invitation("Sam Spammer", "Buy followers");

        move(learning, ALICE, "a/2", spammer, UserLearning.Target.SPAM);

        TriageResult next = corrections(learning, "").mark(ALICE, unexplained(spammer));
        assertThat(next.verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(codes(next)).contains("USER_CORRECTION");
    }

    @Test
    void oneUsersCorrectionsShouldNeverChangeAnotherUsersVerdicts() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Corrections corrections = corrections(learning, "learning:\n  minCorrections: 1\n");
        Invitation carol = invitation("Carol Known", "We met at KubeCon");
        for (int i = 0; i < 10; i++) {
            move(learning, ALICE, "a/" + i, invitation("Person " + i, "We met at KubeCon"),
                UserLearning.Target.PRIORITY);
        }
        move(learning, ALICE, "a/c", carol, UserLearning.Target.SPAM);

        TriageResult forBob = corrections.mark(BOB, unexplained(carol));
        assertThat(forBob.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(forBob.reasons()).extracting(Reason::code).containsExactly("NO_NOTE");
    }

    @Test
    void singleCorrectionShouldNotChangeVerdictsAboutOtherInvitersBeforeMinCorrections() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Corrections corrections = corrections(learning, "");
        move(learning, ALICE, "a/1", invitation("Carol Known", "Hello from the meetup"), UserLearning.Target.PRIORITY);

        TriageResult other = corrections.mark(ALICE, unexplained(invitation("Dan Other", "Hello from the meetup")));
        assertThat(other.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(other.reasons()).extracting(Reason::code).containsExactly("NO_NOTE");
    }

    @Test
    void modelShouldTiltTheVerdictWithABoundedWeightAfterMinCorrections() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Corrections corrections = corrections(learning, "");
        for (int i = 0; i < 5; i++) {
            move(learning, ALICE, "a/p" + i, invitation("Fan " + i, "Loved your talk at the rust meetup"),
                UserLearning.Target.PRIORITY);
            move(learning, ALICE, "a/u" + i, invitation("Stranger " + i, null), UserLearning.Target.UNEXPLAINED);
        }

        TriageResult talk = corrections.mark(ALICE, unexplained(invitation("New Fan", "Your talk at the rust meetup")));
        assertThat(talk.verdict()).isEqualTo(Verdict.PERSONAL);
        Reason model = talk.reasons().stream().filter(r -> r.code().equals("USER_MODEL")).findFirst().orElseThrow();
        assertThat(model.weight()).isPositive().isLessThanOrEqualTo(UserModel.MAX_WEIGHT);
        assertThat(model.detail()).contains("weight +");

        TriageResult silent = corrections.mark(ALICE, unexplained(invitation("New Stranger", null)));
        assertThat(silent.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(silent.reasons().stream().filter(r -> r.code().equals("USER_MODEL")).findFirst().orElseThrow()
            .weight()).isNegative().isGreaterThanOrEqualTo(-UserModel.MAX_WEIGHT);
    }

    @Test
    void learningDisabledShouldLeaveEveryResultAsItWas() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Invitation carol = invitation("Carol Known", null);
        move(learning, ALICE, "a/1", carol, UserLearning.Target.PRIORITY);

        TriageResult result = unexplained(carol);
        assertThat(corrections(learning, "learning:\n  enabled: false\n").mark(ALICE, result)).isSameAs(result);
    }

    @Test
    void suspiciousMailShouldStaySuspiciousWhenTheInviterWasMovedToPriority() throws Exception {
        UserLearning learning = new UserLearning(dir);
        Invitation carol = invitation("Carol Known", null);
        move(learning, ALICE, "a/1", carol, UserLearning.Target.PRIORITY);

        TriageResult forged = new TriageResult(Optional.of(carol), Verdict.SUSPICIOUS, List.of());
        assertThat(corrections(learning, "").mark(ALICE, forged).verdict()).isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void learnedStateShouldSurviveARestartAndEraseShouldForgetTheInviter() throws Exception {
        Invitation carol = invitation("Carol Known", null);
        move(new UserLearning(dir), ALICE, "a/1", carol, UserLearning.Target.PRIORITY);

        UserLearning reopened = new UserLearning(dir);
        assertThat(reopened.relation(ALICE, MassInviters.key(carol))).contains(UserLearning.Relation.KNOWN);
        assertThat(reopened.corrections(ALICE)).isEqualTo(1);

        assertThat(reopened.erase(InviterIdentity.erasable("https://www.linkedin.com/in/carol-known"))).isEqualTo(1);
        UserLearning afterErase = new UserLearning(dir);
        assertThat(afterErase.relation(ALICE, MassInviters.key(carol))).isEmpty();
        assertThat(afterErase.corrections(ALICE)).isZero();
    }
}
