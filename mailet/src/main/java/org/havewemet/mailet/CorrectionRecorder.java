package org.havewemet.mailet;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;

/**
 * Turns a user's move of an invitation into a correction: the index record takes the verdict the target folder
 * means and the reason USER_CORRECTION, and the user's relations and model learn from it ({@link UserLearning}).
 * What a correction then changes for later deliveries is {@link Corrections}' job.
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
        String id = InvitationRecord.idFor(user, messageId);
        Optional<InvitationRecord> found = index.get(id);
        if (found.isEmpty()) {
            return false;
        }
        InvitationRecord r = found.get();
        UserLearning.Target to = UserLearning.Target.valueOf(target);
        writes.submitRecord(r.withVerdict(to.verdict()).withReason(Corrections.USER_CORRECTION));
        learning.correct(user, id, InviterIdentity.key(r.profileUrl(), r.inviterName(), r.inviterHeadline(),
            r.inviterEmail()), NoteFeatures.of(r.note(), r.platform(), r.mutualConnections()), to, at);
        return true;
    }
}
