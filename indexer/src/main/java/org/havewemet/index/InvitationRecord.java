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
                               Integer connections) {

    public static final String STATUS_NONE = "none";

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

    /** A copy with another reply outcome. */
    /** The same invitation judged anew, e.g. PERSONAL once the inviter explained themselves. */
    public InvitationRecord withVerdict(String newVerdict) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, newVerdict, reasons,
                replyStatus, replyDetail, receivedAt, mutualConnections, connections);
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
                replyStatus, replyDetail, receivedAt, mutualConnections, connections);
    }

    public InvitationRecord withReplyStatus(String status, String detail) {
        return new InvitationRecord(id, recipient, messageId, platform, event, inviterName, inviterEmail,
                inviterHeadline, inviterCompany, inviterLocation, profileUrl, note, noteLanguage, verdict, reasons,
                status, detail, receivedAt, mutualConnections, connections);
    }
}
