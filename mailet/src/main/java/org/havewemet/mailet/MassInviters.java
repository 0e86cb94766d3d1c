package org.havewemet.mailet;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.config.BulkConfig;
import org.havewemet.config.BulkVerdict;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.reply.ReasonCode;
import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bulk.*}: an inviter (the same profile link, else the same name and headline, else the same address) who
 * invites {@code bulk.users} distinct users of this server within {@code bulk.window} is a mass inviter. Their
 * invitations carry the reason BULK_INVITER (never answered, no draft) and become {@code bulk.verdict}; those
 * already filed get the reason in the index too. With {@code bulk.verdict: unexplained} their folder and verdict
 * stay (the mail is where the user saw it); with {@code suspicious} they become SUSPICIOUS and their mail is moved to
 * Spam, as the new ones are, except those the user knows (KNOWN) or corrected by hand (the user's word wins).
 */
final class MassInviters {
    static final String BULK_INVITER = ReasonCode.BULK_INVITER.name();
    private static final Logger LOGGER = LoggerFactory.getLogger(MassInviters.class);

    private final BulkConfig config;
    private final BulkInviters store;
    private final IndexWriteQueue writes;
    private final InvitationIndex index;
    private final Clock clock;
    private final Refiler toSpam;

    /** Moves an invitation's mail, already delivered to its recipient, to Spam (havewemet's own move). */
    @FunctionalInterface
    interface Refiler {
        void toSpam(InvitationRecord filed) throws Exception;
    }

    MassInviters(BulkConfig config, BulkInviters store, IndexWriteQueue writes, InvitationIndex index, Clock clock,
                 Refiler toSpam) {
        this.config = config;
        this.store = store;
        this.writes = writes;
        this.index = index;
        this.clock = clock;
        this.toSpam = toSpam;
    }

    /** Counts this invitation for its inviter and marks it when the inviter is a mass inviter. */
    TriageResult mark(String recipient, String recordId, TriageResult result) {
        if (!config.enabled() || result.invitation().isEmpty() || result.verdict() == Verdict.SUSPICIOUS
                || result.verdict() == Verdict.NOT_INVITATION) {
            return result;
        }
        Invitation invitation = result.invitation().get();
        if (invitation.event() != EventKind.INVITATION && invitation.event() != EventKind.REMINDER) {
            return result;
        }
        String key = key(invitation);
        if (key.isEmpty()) {
            return result;
        }
        Inviter inviter = invitation.inviter();
        BulkInviters.Observation seen = store.observe(key, recipient.trim().toLowerCase(Locale.ROOT), clock.instant(),
            recordId, inviter.name(), blankToNull(inviter.profileUrl()), blankToNull(inviter.headline()),
            blankToNull(TriageFactory.inviterAddress(invitation)), config.users(), config.windowDuration());
        if (seen.crossed()) {
            LOGGER.info("havewemet: a mass inviter reached {} users within {}", config.users(), config.window());
            List<String> earlier = seen.earlierIds();
            store.later(() -> remark(earlier));
        }
        return seen.bulk() ? asBulk(result) : result;
    }

    /** Marks the invitation when its inviter is already a mass inviter, without counting it (backfill, reindex). */
    TriageResult markKnown(TriageResult result) {
        if (!config.enabled() || result.invitation().isEmpty() || result.verdict() == Verdict.SUSPICIOUS
                || result.verdict() == Verdict.NOT_INVITATION) {
            return result;
        }
        String key = key(result.invitation().get());
        return !key.isEmpty() && store.isBulk(key) ? asBulk(result) : result;
    }

    private TriageResult asBulk(TriageResult result) {
        List<Reason> reasons = new ArrayList<>(result.reasons());
        reasons.add(new Reason(BULK_INVITER, 0, "invited " + config.users() + "+ users of this server within "
            + config.window()));
        Verdict verdict = result.verdict() == Verdict.KNOWN ? Verdict.KNOWN
            : config.verdict() == BulkVerdict.SUSPICIOUS ? Verdict.SUSPICIOUS : Verdict.UNEXPLAINED;
        return new TriageResult(result.invitation(), verdict, reasons);
    }

    /** The earlier invitations of a new mass inviter, once they are in the index, get the reason too. */
    private void remark(List<String> ids) {
        try {
            if (!writes.flush(HaveWeMetRuntime.FLUSH_TIMEOUT)) {
                LOGGER.warn("havewemet: index writes still queued; marking the mass inviter's earlier invitations now");
            }
            for (String id : ids) {
                Optional<InvitationRecord> found = index.get(id);
                if (found.isPresent() && !found.get().reasons().contains(BULK_INVITER)) {
                    InvitationRecord marked = found.get().withReason(BULK_INVITER);
                    boolean refile = config.verdict() == BulkVerdict.SUSPICIOUS && marked.correction() == null
                        && (Verdict.UNEXPLAINED.name().equals(marked.verdict())
                            || Verdict.PERSONAL.name().equals(marked.verdict()));
                    writes.submitRecord(refile ? marked.withVerdict(Verdict.SUSPICIOUS.name()) : marked);
                    if (refile) {
                        refile(marked);
                    }
                }
            }
        } catch (IOException e) {
            LOGGER.warn("havewemet: could not mark the earlier invitations of a mass inviter", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refile(InvitationRecord marked) {
        try {
            toSpam.toSpam(marked);
        } catch (Exception e) {
            // The index says SUSPICIOUS all the same; the mail stays where the user saw it.
            LOGGER.warn("havewemet: could not move a mass inviter's earlier invitation to Spam", e);
        }
    }

    /** Who the inviter is across users: see {@link InviterIdentity}. */
    static String key(Invitation invitation) {
        Inviter inviter = invitation.inviter();
        return InviterIdentity.key(inviter.profileUrl(), inviter.name(), inviter.headline(),
            TriageFactory.inviterAddress(invitation));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
