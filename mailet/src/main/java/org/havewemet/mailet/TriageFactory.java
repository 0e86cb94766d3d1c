package org.havewemet.mailet;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.index.InvitationRecord;
import org.havewemet.triage.ConfiguredTriage;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Reason;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.profile.PlatformProfiles;

/**
 * Builds the triage and the index documents from a configuration, the same way for the mailet and for offline tools
 * (backfill), so an invitation is judged and recorded identically wherever it is processed.
 */
public final class TriageFactory {
    private TriageFactory() {
    }

    /** The platform profiles: see {@link ConfiguredTriage#profiles}. */
    public static PlatformProfiles profiles(HaveWeMetConfig config, Path configDirectory) {
        return ConfiguredTriage.profiles(config, configDirectory);
    }

    /** The one triage of a configuration (with {@code patterns.alwaysPriority}): {@link ConfiguredTriage}. */
    public static Triage triage(HaveWeMetConfig config, PlatformProfiles profiles, KnownInviters known) {
        return ConfiguredTriage.of(config, profiles, known);
    }

    /**
     * The address an invitation is recorded under: the inviter's own, else for a direct person-to-person request the
     * address it came from (the one we would answer), so that search by sender and erasure by address reach it.
     */
    static String inviterAddress(Invitation invitation) {
        String own = invitation.inviter().email();
        if (own != null && !own.isBlank()) {
            return own;
        }
        String reply = invitation.replyAddress();
        if (invitation.isDirect() && reply != null && reply.contains("@")) {
            return reply.trim().toLowerCase(Locale.ROOT);
        }
        return own;
    }

    /** The index document of one invitation for one recipient; the id makes re-indexing idempotent. */
    public static InvitationRecord record(String recipient, String messageId, Invitation invitation,
                                          TriageResult result, ReplyOutcome outcome, Instant receivedAt) {
        Inviter inviter = invitation.inviter();
        return new InvitationRecord(
            InvitationRecord.idFor(recipient, messageId),
            recipient,
            messageId,
            invitation.platform(),
            invitation.event().name().toLowerCase(Locale.ROOT),
            inviter.name(),
            inviterAddress(invitation),
            inviter.headline(),
            inviter.company(),
            inviter.location(),
            inviter.profileUrl(),
            invitation.note(),
            invitation.noteLanguage(),
            result.verdict().name(),
            result.reasons().stream().map(Reason::code).distinct().collect(Collectors.toList()),
            outcome.status(),
            outcome.detail(),
            receivedAt,
            invitation.mutualConnections(),
            invitation.connections());
    }
}
