package org.havewemet.mailet;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A verdict a user corrects on their own page: the mail moves to the folder of the new verdict, and the correction
 * is recorded like a move in their mail client ({@link CorrectionRecorder} through {@link HaveWeMetRuntime#correct}:
 * index verdict, reason USER_CORRECTION, learning); with {@code learning.enabled: false} only the index verdict
 * changes. The one place the page corrects through, so a dedicated corrections service can replace the body.
 */
public final class UserVerdictCorrection {
    /** The verdicts a user may choose (KNOWN is havewemet's to give: the user's choice is PERSONAL). */
    public static final List<String> VERDICTS = List.of("PERSONAL", "UNEXPLAINED", "SUSPICIOUS", "NOT_INVITATION");
    private static final Logger LOGGER = LoggerFactory.getLogger(UserVerdictCorrection.class);
    private static final String INBOX = "INBOX";

    private final HaveWeMetRuntime runtime;

    public UserVerdictCorrection(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    /** The chosen verdict in its canonical spelling; empty when it is none of {@link #VERDICTS}. */
    public static Optional<String> verdict(String chosen) {
        String upper = chosen == null ? "" : chosen.trim().toUpperCase(Locale.ROOT);
        return VERDICTS.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /**
     * Gives the user's invitation the verdict (one of {@link #VERDICTS}) and moves the mail into its folder.
     *
     * @return how many copies of the mail were moved (0 when it is no longer in one of the invitation folders)
     */
    public int correct(InvitationRecord invitation, String verdict) throws Exception {
        UserLearning.Target target = target(verdict);
        String user = invitation.recipient();
        Folders folders = runtime.folders();
        String to = folder(folders, target);
        int moved = 0;
        if (invitation.messageId() != null) {
            MailboxMover mover = new MailboxMover(runtime.mailboxManager());
            for (String from : candidates(folders, invitation.verdict(), to)) {
                moved = mover.moveByMessageId(user, invitation.messageId(), from, to);
                if (moved > 0) {
                    break;
                }
            }
        }
        // The move above is havewemet's own (MailboxMover): the correction listener ignores it, so it is
        // recorded here once.
        if (invitation.messageId() == null || !runtime.correct(user, invitation.messageId(), target.name())) {
            runtime.record(invitation.withVerdict(target.verdict()).withReason(Corrections.USER_CORRECTION));
        }
        LOGGER.info("havewemet: a user corrected an invitation on their page to {} ({} mail moved)", verdict, moved);
        return moved;
    }

    private static UserLearning.Target target(String verdict) {
        return switch (verdict) {
            case "PERSONAL" -> UserLearning.Target.PRIORITY;
            case "UNEXPLAINED" -> UserLearning.Target.UNEXPLAINED;
            case "SUSPICIOUS" -> UserLearning.Target.SPAM;
            case "NOT_INVITATION" -> UserLearning.Target.INBOX;
            default -> throw new IllegalArgumentException("expected one of " + VERDICTS + ", found " + verdict);
        };
    }

    private static String folder(Folders folders, UserLearning.Target target) {
        return switch (target) {
            case PRIORITY -> folders.priority();
            case UNEXPLAINED -> folders.unexplained();
            case SPAM -> folders.suspicious();
            case INBOX -> INBOX;
        };
    }

    /** Where the mail may be now: its verdict's folder first, then the others a user moves invitations between. */
    private static Set<String> candidates(Folders folders, String verdict, String to) {
        Set<String> from = new LinkedHashSet<>();
        if (verdict != null) {
            try {
                from.add(folders.forVerdict(Verdict.valueOf(verdict)).orElse(INBOX));
            } catch (IllegalArgumentException unknownVerdict) {
                // an index written by another version: look everywhere below
            }
        }
        from.addAll(List.of(folders.priority(), folders.unexplained(), folders.suspicious(), INBOX));
        from.remove(to);
        return from;
    }
}
