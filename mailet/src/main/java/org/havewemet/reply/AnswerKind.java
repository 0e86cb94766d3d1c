package org.havewemet.reply;

/** How the inviter answered our "Have we met?" question. */
public enum AnswerKind {
    /** Nothing came (yet). */
    NO_ANSWER,
    /** An answer that says "no, we haven't met" and nothing more. */
    NOT_MET_NO_REASON,
    /** A shared group, interest, event or purpose explained. */
    SHARED_CONTEXT,
    /** A named person introduced or recommended the inviter. */
    MUTUAL_ACQUAINTANCE;

    /** True when the answer explains the request. */
    public boolean isExplained() {
        return this == SHARED_CONTEXT || this == MUTUAL_ACQUAINTANCE;
    }
}
