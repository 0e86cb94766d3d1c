package org.havewemet.it.triage;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.havewemet.triage.Verdict;
import org.havewemet.triage.accuracy.LabelledMail;

/**
 * The three checks of one delivered mail against its label, as a user would judge the result:
 * <ul>
 *   <li><b>folder</b>: it is in the folder of its labelled verdict (EITHER: of one of the two);</li>
 *   <li><b>reply</b>: a reply reached the outside only where the label allows one, and did where nothing else
 *       would do (a person's own UNEXPLAINED request must be answered);</li>
 *   <li><b>draft</b>: a draft was saved only where the label allows one, and was where it is the answer (an
 *       UNEXPLAINED platform notice that got no reply; an "accepted your invitation" notice's thank-you).</li>
 * </ul>
 * Allowed answers by labelled verdict: SUSPICIOUS, PERSONAL and NOT_INVITATION none (an accepted notice: a draft);
 * UNEXPLAINED a reply for a person's own request (event {@code personal}), a reply or else a draft for a platform's
 * notice (a reply when the notice carries an address that reaches the inviter). For EITHER rows the verdict whose
 * folder the mail is in counts when it is one of the two, else both.
 */
record LabelChecks(boolean folder, boolean reply, boolean draft) {
    enum Answer { REPLY, DRAFT }

    static LabelChecks of(LabelledMail label, Outcome observed, Function<Verdict, String> folderOf) {
        Set<Verdict> effective = EnumSet.noneOf(Verdict.class);
        for (Verdict v : label.accepted()) {
            if (folderOf.apply(v).equals(observed.folder())) {
                effective.add(v);
            }
        }
        boolean folder = !effective.isEmpty();
        if (effective.isEmpty()) {
            effective.addAll(label.accepted());
        }
        Set<Answer> allowed = EnumSet.noneOf(Answer.class);
        effective.forEach(v -> allowed.addAll(allowedAnswers(v, label.event())));
        boolean replyAllowed = allowed.contains(Answer.REPLY);
        boolean draftAllowed = allowed.contains(Answer.DRAFT);
        boolean reply = observed.replied() ? replyAllowed : !(replyAllowed && !draftAllowed);
        boolean draft = observed.drafted() ? draftAllowed : !(draftAllowed && !(observed.replied() && replyAllowed));
        return new LabelChecks(folder, reply, draft);
    }

    static Set<Answer> allowedAnswers(Verdict verdict, String event) {
        return switch (verdict) {
            case UNEXPLAINED -> "personal".equals(event) ? EnumSet.of(Answer.REPLY) : EnumSet.allOf(Answer.class);
            case NOT_INVITATION -> "accepted".equals(event) ? EnumSet.of(Answer.DRAFT) : EnumSet.noneOf(Answer.class);
            case SUSPICIOUS, PERSONAL, KNOWN -> EnumSet.noneOf(Answer.class);
        };
    }

    int passed() {
        return (folder ? 1 : 0) + (reply ? 1 : 0) + (draft ? 1 : 0);
    }
}
