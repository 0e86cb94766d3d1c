package org.havewemet.mailet;

/**
 * What the responder did for one invitation and recipient; indexed as the invitation's reply status.
 *
 * @param status one of {@link #REPLIED}, {@link #DRAFTED}, {@link #SUPPRESSED}, {@link #DRY_RUN}, {@link #NONE}
 * @param detail why (a suppression reason code, the address replied to, ...)
 */
public record ReplyOutcome(String status, String detail) {
    public static final String REPLIED = "replied";
    public static final String DRAFTED = "drafted";
    public static final String SUPPRESSED = "suppressed";
    public static final String DRY_RUN = "dry-run";
    public static final String NONE = "none";

    public static ReplyOutcome none() {
        return new ReplyOutcome(NONE, "");
    }

    public static ReplyOutcome suppressed(String reason) {
        return new ReplyOutcome(SUPPRESSED, reason);
    }
}
