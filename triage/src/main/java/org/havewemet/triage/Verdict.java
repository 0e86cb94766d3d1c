package org.havewemet.triage;

/** What triage decides about one incoming mail, for one recipient. */
public enum Verdict {
    /** An invitation whose note says who the inviter is, how they know the recipient or why connect. */
    PERSONAL,
    /** A genuine invitation with no note, the platform's default sentence or a contentless note. */
    UNEXPLAINED,
    /** Spoofed, phishing, lookalike or malware lure imitating an invitation: filed into Spam, never answered. */
    SUSPICIOUS,
    /** The inviter already corresponds with the recipient. */
    KNOWN,
    /** Anything else: the mail passes untouched. */
    NOT_INVITATION
}
