package org.havewemet.reply;

import java.time.Instant;

/**
 * One "Have we met?" exchange as the ledger remembers it. A reservation without {@code sentAt} means a reply was
 * decided but not (yet) confirmed as sent.
 *
 * @param id                ledger-internal id
 * @param user              the local user
 * @param inviterKey        who was answered (lower-case address, or profile link when there is no address)
 * @param reservedAt        when the reply was decided
 * @param sentAt            when it was sent, null while only reserved
 * @param replyMessageId    Message-ID of our reply, null while only reserved
 * @param originalMessageId Message-ID of the invitation, may be null
 * @param invitationId      the platform's invitation id, may be null
 * @param answer            how the inviter answered, NO_ANSWER until then
 * @param answeredAt        when the answer came, null if none
 */
public record LedgerEntry(String id, String user, String inviterKey, Instant reservedAt, Instant sentAt,
                          String replyMessageId, String originalMessageId, String invitationId,
                          AnswerKind answer, Instant answeredAt) {
    public LedgerEntry {
        answer = answer == null ? AnswerKind.NO_ANSWER : answer;
    }

    /** The last time this exchange blocked a new reply: sending time, or reservation time while unsent. */
    public Instant lastActivity() {
        return sentAt != null ? sentAt : reservedAt;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    LedgerEntry sent(String replyId, String originalId, String invitation, Instant at) {
        return new LedgerEntry(id, user, inviterKey, reservedAt == null ? at : reservedAt, at, replyId, originalId,
                invitation, answer, answeredAt);
    }

    LedgerEntry answered(AnswerKind kind, Instant at) {
        return new LedgerEntry(id, user, inviterKey, reservedAt, sentAt, replyMessageId, originalMessageId,
                invitationId, kind, at);
    }
}
