package org.havewemet.triage;

import java.util.Optional;

/**
 * What was extracted from a mail recognised as being about a connection invitation.
 *
 * @param platform       platform profile id ("linkedin", "facebook", ...) or "direct" for person-to-person mail
 * @param event          invitation, reminder, accepted, other
 * @param inviter        who invites
 * @param note           only the inviter's own words (template text removed), null when there is none
 * @param noteLanguage   ISO 639-1 code of the note (or of the template when there is no note), null if unknown
 * @param acceptUrl      the accept / invitation link, null if absent
 * @param invitationId   the platform's invitation id, null if absent
 * @param mutualConnections count shown in the notice, null if absent
 * @param connections    the inviter's connection count, null if absent
 * @param replyAddress   an address that reaches the inviter (own address on an authenticated notice, a member relay
 *                       declared by the platform profile, or the Return-Path of a direct request); null when only a
 *                       draft is possible. Never the platform's bounce address.
 */
public record Invitation(String platform,
                         EventKind event,
                         Inviter inviter,
                         String note,
                         String noteLanguage,
                         String acceptUrl,
                         String invitationId,
                         Integer mutualConnections,
                         Integer connections,
                         String replyAddress) {

    public static final String DIRECT = "direct";

    public boolean isDirect() {
        return DIRECT.equals(platform);
    }

    public Optional<String> reachableInviter() {
        return Optional.ofNullable(replyAddress);
    }
}
