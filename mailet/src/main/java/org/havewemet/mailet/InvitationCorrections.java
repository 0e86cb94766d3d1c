package org.havewemet.mailet;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.inject.Inject;

import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A correction made on a page (the admin page, WebAdmin, a user's own page) counts the same as the user moving the
 * mail in their mail client: the index records the new verdict with status {@code corrected}, who and when; the
 * user's learning learns from it (when {@code learning.enabled}); and the mail is moved to the verdict's folder in
 * the user's mailbox, as havewemet's own move (the correction listener does not count it a second time).
 *
 * <p>Injectable (Guice builds it from the runtime) or {@code new InvitationCorrections(runtime)}:
 * <pre>
 *   corrections.correct("alice@example.com", "alice@example.com/3f9c...", "PERSONAL", "alice@example.com");
 *   corrections.correct(user, id, "SUSPICIOUS", InvitationCorrections.BY_ADMIN);
 * </pre>
 */
public final class InvitationCorrections {
    /**
     * {@code by} for a correction made through WebAdmin without a JWT (the admin page); with one, WebAdmin's route
     * passes the token's subject instead.
     */
    public static final String BY_ADMIN = "webadmin";
    private static final Logger LOGGER = LoggerFactory.getLogger(InvitationCorrections.class);

    /**
     * What a correction did.
     *
     * @param record    the invitation as now recorded (verdict, reason USER_CORRECTION, {@code correction()})
     * @param folder    the folder the verdict files the mail in ({@code INBOX} for NOT_INVITATION)
     * @param movedFrom where the mail was moved from; empty when it was in none of the four folders (the user
     *                  moved or deleted it elsewhere), was already in {@code folder}, or could not be moved
     */
    public record Outcome(InvitationRecord record, String folder, Optional<String> movedFrom) {
    }

    private final HaveWeMetRuntime runtime;

    @Inject
    public InvitationCorrections(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Sets {@code verdict} on {@code user}'s invitation {@code invitationId} (the {@code id} of the invitation's
     * JSON) on behalf of {@code by}: the user's address when they did it themselves, else the admin
     * ({@link #BY_ADMIN} or a WebAdmin token's subject).
     *
     * @param verdict PERSONAL, KNOWN, UNEXPLAINED, SUSPICIOUS or NOT_INVITATION, any case
     * @return empty when {@code user} has no invitation with this id
     * @throws IllegalArgumentException naming what was expected, when the verdict or {@code by} is not one of these
     */
    public Optional<Outcome> correct(String user, String invitationId, String verdict, String by) throws IOException {
        Verdict to = verdict(verdict);
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("expected who made the correction: the user's address or the admin");
        }
        String owner = user.trim().toLowerCase(Locale.ROOT);
        Optional<InvitationRecord> found = runtime.index().get(invitationId);
        if (found.isEmpty() || !found.get().recipient().equals(owner)) {
            return Optional.empty();
        }
        InvitationRecord r = found.get();
        InvitationRecord recorded;
        try {
            recorded = runtime.correctionRecorder().record(r, to.name(), target(to), by.trim().toLowerCase(Locale.ROOT),
                runtime.clock().instant(), runtime.config().learning().enabled());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while recording a correction", e);
        }
        Folders folders = runtime.folders();
        String folder = folders.forVerdict(to).orElse("INBOX");
        Optional<String> from = Optional.empty();
        if (r.messageId() != null) {
            try {
                from = new MailboxMover(runtime.mailboxManager()).moveFromFirst(owner, r.messageId(),
                    List.of("INBOX", folders.priority(), folders.unexplained(), folders.suspicious()), folder);
            } catch (Exception e) {
                // The correction is recorded; the user can still move the mail by hand.
                LOGGER.warn("havewemet: recorded a correction but could not move the mail to {}", folder, e);
            }
        }
        LOGGER.info("havewemet: {} corrected an invitation to {}", owner.equals(recorded.correction().by())
            ? "a user" : "an admin", to);
        return Optional.of(new Outcome(recorded, folder, from));
    }

    private static Verdict verdict(String verdict) {
        try {
            return Verdict.valueOf(verdict == null ? "" : verdict.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected verdict to be one of PERSONAL, KNOWN, UNEXPLAINED, "
                + "SUSPICIOUS, NOT_INVITATION but found '" + verdict + "'", e);
        }
    }

    private static UserLearning.Target target(Verdict verdict) {
        return switch (verdict) {
            case PERSONAL, KNOWN -> UserLearning.Target.PRIORITY;
            case UNEXPLAINED -> UserLearning.Target.UNEXPLAINED;
            case SUSPICIOUS -> UserLearning.Target.SPAM;
            case NOT_INVITATION -> UserLearning.Target.INBOX;
        };
    }
}
