package org.havewemet.reply;

/**
 * Stable codes for why the policy did not simply reply (logs, metrics and scripts rely on these names: never
 * rename one).
 */
public enum ReasonCode {
    /** Replies are switched off in the configuration. */
    DISABLED,
    /** The user opted out of automatic replies. */
    OPTED_OUT,
    VERDICT_SUSPICIOUS,
    VERDICT_PERSONAL,
    VERDICT_KNOWN,
    VERDICT_NOT_INVITATION,
    /** Triage said UNEXPLAINED but gave no invitation: nothing to answer. */
    NO_INVITATION,
    /** Not a first request or a reminder ("accepted your invitation", other platform mail). */
    EVENT_NOT_ANSWERABLE,
    /** Null reverse path: a bounce or another automatic notice. */
    NULL_SENDER,
    /** owner-*, *-request, MAILER-DAEMON, LISTSERV, majordomo, noreply and the like. */
    MACHINE_SENDER,
    /** A List-* header: mailing list traffic. */
    LIST_MAIL,
    /** Auto-Submitted other than "no" (RFC 3834). */
    AUTO_SUBMITTED,
    /** Precedence bulk, junk, list (or auto_reply). */
    PRECEDENCE,
    /** X-Auto-Response-Suppress asks for no automatic answer (All, OOF, AutoReply). */
    AUTO_RESPONSE_SUPPRESSED,
    /** A spam filter flagged the mail. */
    SPAM_FLAGGED,
    /** The user (or an alias) is not among To/Cc/Bcc/Resent-To/Resent-Cc/Resent-Bcc. */
    NOT_ADDRESSED_TO_USER,
    /** The reply would go to the user's own address or alias. */
    OWN_ADDRESS,
    /** A configured never-answer pattern matched. */
    PATTERN,
    /** This user already answered (or drafted for) this inviter within the period. */
    ALREADY_ANSWERED,
    RATE_LIMITED_USER,
    RATE_LIMITED_GLOBAL,
    /** Draft: the inviter has no address we may write to. */
    NO_REPLY_ADDRESS,
    /** Draft: the inviter's address is not a valid mailbox. */
    INVALID_REPLY_ADDRESS,
    /** The ledger could not record the reply: nobody is answered while it is broken. */
    LEDGER_UNAVAILABLE,
    /** The message headers could not be read. */
    UNREADABLE_MESSAGE,
    /** A delivery or read report (multipart/report), as James' AutomaticallySentMailDetector says. */
    AUTOMATIC_REPORT,
    /** Sent to a shared role address ({@code addresses.roles}: info@, sales@, team@...): filed quietly. */
    ROLE_ADDRESS,
    /** Sent to a group James' RecipientRewriteTable expands to several mailboxes: filed quietly, per member. */
    GROUP_ADDRESS,
    /** The inviter invited {@code bulk.users} users of this server within {@code bulk.window}: a mass inviter. */
    BULK_INVITER
}
