package org.havewemet.mailet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.havewemet.config.LearningConfig;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;

/**
 * Applies what a user taught by their corrections ({@code learning.*}) to a new delivery for that user only: a
 * remembered relation decides (known: KNOWN, never answered; spam: SUSPICIOUS, to Spam, never answered; reason
 * USER_CORRECTION); else the user's own model, once it learned from {@code learning.minCorrections} corrections,
 * adds its bounded weight (reason USER_MODEL) and may tilt UNEXPLAINED to PERSONAL or back. What triage found
 * suspicious stays suspicious: no correction vouches for a forged sender.
 */
final class Corrections {
    static final String USER_CORRECTION = "USER_CORRECTION";
    static final String USER_MODEL = "USER_MODEL";
    /** The model's weight from which it tilts a verdict (its bound is {@link UserModel#MAX_WEIGHT}). */
    static final double TILT = 1.0;

    private final LearningConfig config;
    private final UserLearning learning;

    Corrections(LearningConfig config, UserLearning learning) {
        this.config = config;
        this.learning = learning;
    }

    TriageResult mark(String recipient, TriageResult result) {
        if (!config.enabled() || result.invitation().isEmpty() || result.verdict() == Verdict.SUSPICIOUS
                || result.verdict() == Verdict.NOT_INVITATION) {
            return result;
        }
        Invitation invitation = result.invitation().get();
        String user = recipient.trim().toLowerCase(Locale.ROOT);
        String key = MassInviters.key(invitation);
        Optional<UserLearning.Relation> relation = key.isEmpty() ? Optional.empty() : learning.relation(user, key);
        if (relation.isPresent()) {
            Verdict verdict = relation.get() == UserLearning.Relation.KNOWN ? Verdict.KNOWN : Verdict.SUSPICIOUS;
            return with(result, verdict, new Reason(USER_CORRECTION, 0,
                "this user moved this inviter's invitation to " + (verdict == Verdict.KNOWN ? "priority" : "Spam")));
        }
        if (result.verdict() != Verdict.UNEXPLAINED && result.verdict() != Verdict.PERSONAL) {
            return result;
        }
        Set<String> features = NoteFeatures.of(invitation);
        Optional<Double> weight = learning.weight(user, features, config.minCorrections());
        if (weight.isEmpty()) {
            return result;
        }
        double w = weight.get();
        Verdict verdict = result.verdict() == Verdict.UNEXPLAINED && w >= TILT ? Verdict.PERSONAL
            : result.verdict() == Verdict.PERSONAL && w <= -TILT ? Verdict.UNEXPLAINED : result.verdict();
        return with(result, verdict, new Reason(USER_MODEL, w,
            String.format(Locale.ROOT, "this user's model: weight %+.2f", w)));
    }

    private static TriageResult with(TriageResult result, Verdict verdict, Reason reason) {
        List<Reason> reasons = new ArrayList<>(result.reasons());
        reasons.add(reason);
        return new TriageResult(result.invitation(), verdict, reasons);
    }
}
