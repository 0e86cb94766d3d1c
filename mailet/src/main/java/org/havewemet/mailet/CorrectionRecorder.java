package org.havewemet.mailet;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;

/**
 * Turns a user's move of an invitation, or a correction made on a page, into a correction: the index record takes
 * the new verdict, the reason USER_CORRECTION and who/when (status {@code corrected}), and the user's relations and
 * model learn from it ({@link UserLearning}). What a correction then changes for later deliveries is
 * {@link Corrections}' job.
 */
final class CorrectionRecorder {
    private final InvitationIndex index;
    private final IndexWriteQueue writes;
    private final UserLearning learning;

    /** {@code index} must already see every queued write: the moved invitation may have been recorded just now. */
    CorrectionRecorder(InvitationIndex index, IndexWriteQueue writes, UserLearning learning) {
        this.index = index;
        this.writes = writes;
        this.learning = learning;
    }

    /**
     * Records that {@code user} moved the invitation with this Message-ID to {@code target} (a
     * {@link UserLearning.Target} name); false when havewemet did not record that mail as an invitation.
     */
    boolean record(String user, String messageId, String target, Instant at) throws IOException, InterruptedException {
        Optional<InvitationRecord> found = index.get(InvitationRecord.idFor(user, messageId));
        if (found.isEmpty()) {
            return false;
        }
        UserLearning.Target to = UserLearning.Target.valueOf(target);
        record(found.get(), to.verdict(), to, user, at, true);
        return true;
    }

    /**
     * Records that {@code by} set {@code verdict} on this invitation of its recipient, meaning a move to {@code to};
     * the user's learning learns from it only when {@code learn}. Returns the record as written.
     */
    InvitationRecord record(InvitationRecord r, String verdict, UserLearning.Target to, String by, Instant at,
                            boolean learn) throws IOException, InterruptedException {
        InvitationRecord corrected = r.correctedTo(verdict, by, at).withReason(Corrections.USER_CORRECTION);
        writes.submitRecord(corrected);
        if (learn) {
            learning.correct(r.recipient(), r.id(), InviterIdentity.key(r.profileUrl(), r.inviterName(),
                r.inviterHeadline(), r.inviterEmail()), NoteFeatures.of(r.note(), r.platform(),
                r.mutualConnections()), to, at);
        }
        return corrected;
    }
}
