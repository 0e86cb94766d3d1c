package org.havewemet.triage;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of triage for one mail and one recipient: the extracted invitation (absent when the mail is not about
 * an invitation), the verdict and the reasons that led to it.
 */
public record TriageResult(Optional<Invitation> invitation, Verdict verdict, List<Reason> reasons) {
    public TriageResult {
        reasons = List.copyOf(reasons);
    }

    public static TriageResult notInvitation(Reason reason) {
        return new TriageResult(Optional.empty(), Verdict.NOT_INVITATION, List.of(reason));
    }

    public boolean isInvitation() {
        return invitation.isPresent();
    }
}
