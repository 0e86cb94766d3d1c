package org.havewemet.config;

/** What a mass inviter's invitations become ({@code bulk.verdict}: unexplained or suspicious). */
public enum BulkVerdict {
    /** Filed with the unexplained ones (never answered, no draft). */
    UNEXPLAINED,
    /** Filed into Spam. */
    SUSPICIOUS
}
