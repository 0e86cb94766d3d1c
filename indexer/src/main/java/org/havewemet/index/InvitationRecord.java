package org.havewemet.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the index keeps about one invitation as seen by one recipient. Plain strings (not the mailet's enums) so the
 * index stays independent of triage; every field but {@code id}, {@code recipient} and {@code receivedAt} may be null.
 *
 * @param id           stable key, see {@link #idFor(String, String)}: indexing the same mail twice replaces it
 * @param recipient    the local user's address, lower-case
 * @param replyStatus  replied / drafted / suppressed / answered / none
 * @param replyDetail  why a reply was suppressed, or what kind of answer came back
 * @param correction   who changed the verdict by hand, when, and from what (schema 4); null when nobody did
 */
public record InvitationRecord(String id,
                               String recipient,
                               String messageId,
                               String platform,
                               String event,
                               String inviterName,
                               String inviterEmail,
                               String inviterHeadline,
                               String inviterCompany,
                               String inviterLocation,
                               String profileUrl,
                               String note,
                               String noteLanguage,
                               String verdict,
                               List<String> reasons,
                               String replyStatus,
                               String replyDetail,
                               Instant receivedAt,
                               Integer mutualConnections,
                               Integer connections,
                               Correction correction) {

    public static final String STATUS_NONE = "none";
    /** The {@code status:} value of an invitation whose verdict a user or an admin changed by hand. */
    public static final String STATUS_CORRECTED = "corrected";

    /**
     * A hand-made change of the verdict.
     *
     * @param by       who made it: the user (a move in their mail client, or their own page), or {@code admin}
     * @param at       when; null only for corrections recorded before schema 4 (the time was not kept)
     * @param verdict  the verdict it set (the record's verdict, unless a later delivery judged the mail again)
     * @param previous the verdict before the correction; null when not known
     */
    public record Correction(String by, Instant at, String verdict, String previous) {
        public Correction {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /** A record nobody corrected (every writer before schema 4, and every delivery). */
    public InvitationRecord(String id, String recipient, String messageId, String platform, String event,
                            String inviterName, String inviterEmail, String inviterHeadline, String inviterCompany,
                            String inviterLocation, String profileUrl, String note, String noteLanguage,
                            String verdict, List<String> reasons, String replyStatus, String replyDetail,
                            Instant receivedAt, Integer mutualConnections, Integer connections) {
        this(id, recipient, messageId, platform, event, inviterName, inviterEmail, inviterHeadline, inviterCompany,
            inviterLocation, profileUrl, note, noteLanguage, verdict, reasons, replyStatus, replyDetail, receivedAt,
            mutualConnections, connections, null);
    }

    public InvitationRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(receivedAt, "receivedAt");
        recipient = recipient.trim().toLowerCase(Locale.ROOT);
        inviterEmail = inviterEmail == null || inviterEmail.isBlank() ? null : inviterEmail.trim().toLowerCase(Locale.ROOT);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        replyStatus = replyStatus == null || replyStatus.isBlank() ? STATUS_NONE : replyStatus;
    }

    /**
     * The id of the (recipient, mail) pair: the recipient plus a hash of the Message-ID, so that re-delivery or
     * re-processing of the same mail updates instead of duplicating, and ids never leak the Message-ID itself.
     */
    public static String idFor(String recipient, String messageId) {
        String user = recipient.trim().toLowerCase(Locale.ROOT);
        String mid = messageId == null ? "" : messageId.trim();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mid.getBytes(StandardCharsets.UTF_8));
            return user + "/" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JVM", e);
        }
    }

    /** The same invitation judged anew, e.g. PERSONAL once the inviter explained themselves. */
    public InvitationRecord withVerdict(String newVerdict) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, newVerdict, reasons,
                replyStatus, replyDetail, receivedAt, mutualConnections, connections, correction);
    }

    /** A copy that also carries this reason code (itself when it does already). */
    public InvitationRecord withReason(String code) {
        if (reasons.contains(code)) {
            return this;
        }
        List<String> more = new ArrayList<>(reasons);
        more.add(code);
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, verdict, more,
                replyStatus, replyDetail, receivedAt, mutualConnections, connections, correction);
    }

    /** The verdict {@code by} set by hand at {@code at}: the record's verdict, with who, when and the one before. */
    public InvitationRecord correctedTo(String newVerdict, String by, Instant at) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, newVerdict, reasons,
                replyStatus, replyDetail, receivedAt, mutualConnections, connections,
                new Correction(by, at, newVerdict, verdict));
    }

    /** A copy that carries this correction as it was stored (the verdict is left as it is). */
    public InvitationRecord withCorrection(Correction c) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, verdict, reasons,
                replyStatus, replyDetail, receivedAt, mutualConnections, connections, c);
    }

    public InvitationRecord withReplyStatus(String status, String detail) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, verdict, reasons,
                status, detail, receivedAt, mutualConnections, connections, correction);
    }
}
