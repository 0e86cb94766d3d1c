package org.havewemet.mailet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.index.InvitationRecord;

/**
 * A verdict a user corrects on their own page. It counts the same as a move in their mail client or a correction
 * on the admin page ({@link InvitationCorrections}): the index records status {@code corrected} with the user as
 * its author, the user's learning learns from it, and the mail moves to the new verdict's folder. This class only
 * holds what the page offers: the verdicts a user may choose.
 */
public final class UserVerdictCorrection {
    /** The verdicts a user may choose (KNOWN is havewemet's to give: the user's choice is PERSONAL). */
    public static final List<String> VERDICTS = List.of("PERSONAL", "UNEXPLAINED", "SUSPICIOUS", "NOT_INVITATION");

    private final InvitationCorrections corrections;

    public UserVerdictCorrection(InvitationCorrections corrections) {
        this.corrections = corrections;
    }

    /** The chosen verdict in its canonical spelling; empty when it is none of {@link #VERDICTS}. */
    public static Optional<String> verdict(String chosen) {
        String upper = chosen == null ? "" : chosen.trim().toUpperCase(Locale.ROOT);
        return VERDICTS.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /**
     * Gives the user's own invitation the verdict (one of {@link #VERDICTS}), made by that user, and moves the
     * mail into the verdict's folder.
     *
     * @return what the correction did; empty when the invitation is no longer in the index
     */
    public Optional<InvitationCorrections.Outcome> correct(InvitationRecord invitation, String verdict)
            throws IOException {
        String user = invitation.recipient();
        return corrections.correct(user, invitation.id(), verdict, user);
    }
}
