package org.havewemet.triage;

import java.util.ArrayList;
import java.util.List;

import javax.mail.internet.MimeMessage;

import org.havewemet.config.PatternList;

/**
 * {@code patterns.alwaysPriority}: invitations from inviter addresses the admin listed are PERSONAL whatever their
 * note says. Suspicious mail stays suspicious: a pattern on an address never vouches for a forged sender.
 */
final class PriorityPatterns implements Triage {
    private final Triage triage;
    private final PatternList alwaysPriority;

    PriorityPatterns(Triage triage, PatternList alwaysPriority) {
        this.triage = triage;
        this.alwaysPriority = alwaysPriority;
    }

    @Override
    public TriageResult triage(MimeMessage message, String envelopeSender, String recipient) {
        TriageResult result = triage.triage(message, envelopeSender, recipient);
        if (alwaysPriority.isEmpty() || result.verdict() != Verdict.UNEXPLAINED || result.invitation().isEmpty()) {
            return result;
        }
        String email = result.invitation().get().inviter().email();
        if (email == null || !alwaysPriority.matches(email)) {
            return result;
        }
        List<Reason> reasons = new ArrayList<>(result.reasons());
        reasons.add(new Reason("ALWAYS_PRIORITY_PATTERN", 10, "patterns.alwaysPriority matches the inviter"));
        return new TriageResult(result.invitation(), Verdict.PERSONAL, reasons);
    }
}
