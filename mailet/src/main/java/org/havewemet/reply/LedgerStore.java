package org.havewemet.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the "Have we met?" replies are remembered, so that nobody is answered twice and an answer can be matched to
 * our reply. Two implementations: {@link ReplyLedger} (an fsynced journal on this node, the default) and one in
 * OpenSearch (module havewemet-opensearch) shared by every node of a distributed James; both pass the same contract
 * suite. Users and inviter keys compare case-insensitively; Message-IDs are normalised to "&lt;id&gt;".
 */
public interface LedgerStore extends AutoCloseable {

    /**
     * Atomically reserves the right to answer {@code inviterKey} for {@code user}: true only when no reply (sent or
     * reserved) for that pair is within {@code period} before {@code now}, and true for at most one caller even when
     * several (threads or nodes) try at once. The reservation is durable at return.
     *
     * @throws UncheckedIOException when the reservation cannot be written or checked (then nobody must reply)
     */
    boolean tryReserve(String user, String inviterKey, Instant now, Duration period);

    /** True when a reply for (user, inviterKey) was sent or reserved within {@code period} before {@code now}. */
    boolean isAnsweredWithin(String user, String inviterKey, Instant now, Duration period);

    /** Gives back an unsent reservation, e.g. when sending failed or a rate limit refused it. */
    void release(String user, String inviterKey);

    /** Records a sent reply, completing the latest reservation of the pair (or creating an entry if none). */
    void recordSent(String user, String inviterKey, String replyMessageId, String originalMessageId,
                    String invitationId, Instant at);

    /** The entry whose reply carried this Message-ID (with or without brackets). */
    Optional<LedgerEntry> findByReplyMessageId(String messageId);

    /**
     * Records how the inviter answered the reply with that Message-ID.
     *
     * @return false when no reply of ours has that Message-ID
     */
    boolean recordAnswer(String replyMessageId, AnswerKind kind, Instant at);

    /** Sent replies of the user without an answer, sent before {@code olderThan} (for the digest). */
    List<LedgerEntry> unanswered(String user, Instant olderThan);

    /** Every entry of the user, oldest first. */
    List<LedgerEntry> entries(String user);

    /**
     * Erases every entry about one person (inviter key equal to the address, any user), from storage and not only
     * from memory.
     *
     * @return how many entries were erased
     */
    int erase(String inviterAddress);

    @Override
    void close() throws IOException;
}
