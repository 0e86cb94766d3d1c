package org.havewemet.reply;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of the ledger journal. {@code op} says what happened: "entry" (a full entry, written by compaction),
 * "reserve", "sent", "answer", "release". Times are ISO-8601 instants. Unknown fields are ignored on read, so
 * later versions may add some.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalRecord(String op, String id, String user, String key, String reservedAt, String sentAt,
                     String replyId, String originalId, String invitationId, String answer, String answeredAt) {
    static final String ENTRY = "entry";
    static final String RESERVE = "reserve";
    static final String SENT = "sent";
    static final String ANSWER = "answer";
    static final String RELEASE = "release";
}
