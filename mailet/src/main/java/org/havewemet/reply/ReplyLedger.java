package org.havewemet.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the "Have we met?" replies across restarts, so that nobody is answered twice and the inviter's answer
 * can be matched to our reply. Thread-safe: every method is atomic, so two spool threads never both win
 * {@link #tryReserve}. Stored as an append-only, fsynced journal under a directory
 * ({@code DIR/var/havewemet/ledger/}, see {@link #defaultDirectory}).
 *
 * <p>Users and inviter keys are compared case-insensitively; Message-IDs are normalised to "&lt;id&gt;".
 */
public final class ReplyLedger implements LedgerStore {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyLedger.class);

    private final LedgerJournal journal;
    private final Map<String, LedgerEntry> byId = new LinkedHashMap<>();
    private final Map<String, String> idByReplyMessageId = new HashMap<>();

    private ReplyLedger(LedgerJournal journal) {
        this.journal = journal;
    }

    /** The ledger directory under a James working directory ({@code --data DIR}). */
    public static Path defaultDirectory(Path dataDir) {
        return dataDir.resolve("var").resolve("havewemet").resolve("ledger");
    }

    /** Opens (creating if needed) the ledger in {@code dir}, without compaction. */
    public static ReplyLedger open(Path dir) throws IOException {
        return open(dir, false);
    }

    /**
     * @param compact rewrite the journal as one line per entry after loading (drops replayed history)
     * @throws IllegalStateException when another ledger or process holds the directory
     */
    public static ReplyLedger open(Path dir, boolean compact) throws IOException {
        LedgerJournal journal = new LedgerJournal(dir);
        ReplyLedger ledger = new ReplyLedger(journal);
        try {
            for (JournalRecord record : journal.load()) {
                ledger.replay(record);
            }
            if (compact) {
                ledger.compact();
            }
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return ledger;
    }

    /**
     * Atomically reserves the right to answer {@code inviterKey} for {@code user}: true only when no reply (sent or
     * reserved) for that pair is within {@code period} before {@code now}. The reservation is durable at return.
     *
     * @throws UncheckedIOException when the reservation cannot be written (then nobody must reply)
     */
    @Override
    public synchronized boolean tryReserve(String user, String inviterKey, Instant now, Duration period) {
        if (isAnsweredWithin(user, inviterKey, now, period)) {
            return false;
        }
        String id = UUID.randomUUID().toString();
        journal.append(new JournalRecord(JournalRecord.RESERVE, id, norm(user), norm(inviterKey), now.toString(),
                null, null, null, null, null, null));
        put(new LedgerEntry(id, norm(user), norm(inviterKey), now, null, null, null, null, null, null));
        return true;
    }

    /** True when a reply for (user, inviterKey) was sent or reserved within {@code period} before {@code now}. */
    @Override
    public synchronized boolean isAnsweredWithin(String user, String inviterKey, Instant now, Duration period) {
        Instant since = now.minus(period);
        return entriesOf(user, inviterKey).stream().anyMatch(e -> e.lastActivity().isAfter(since));
    }

    /** Gives back an unsent reservation, e.g. when sending failed or a rate limit refused it. */
    @Override
    public synchronized void release(String user, String inviterKey) {
        latestReservation(user, inviterKey).ifPresent(entry -> {
            journal.append(new JournalRecord(JournalRecord.RELEASE, entry.id(), null, null, null, null, null, null,
                    null, null, null));
            byId.remove(entry.id());
        });
    }

    /** Records a sent reply, completing the latest reservation of the pair (or creating an entry if none). */
    @Override
    public synchronized void recordSent(String user, String inviterKey, String replyMessageId,
                                        String originalMessageId, String invitationId, Instant at) {
        String replyId = MessageIds.normalize(replyMessageId).orElse(null);
        String originalId = MessageIds.normalize(originalMessageId).orElse(null);
        LedgerEntry base = latestReservation(user, inviterKey).orElseGet(() -> new LedgerEntry(
                UUID.randomUUID().toString(), norm(user), norm(inviterKey), at, null, null, null, null, null, null));
        journal.append(new JournalRecord(JournalRecord.SENT, base.id(), base.user(), base.inviterKey(),
                base.reservedAt().toString(), at.toString(), replyId, originalId, invitationId, null, null));
        put(base.sent(replyId, originalId, invitationId, at));
    }

    /** The entry whose reply carried this Message-ID (with or without brackets). */
    @Override
    public synchronized Optional<LedgerEntry> findByReplyMessageId(String messageId) {
        return MessageIds.normalize(messageId).map(idByReplyMessageId::get).map(byId::get);
    }

    /**
     * Records how the inviter answered the reply with that Message-ID.
     *
     * @return false when no reply of ours has that Message-ID
     */
    @Override
    public synchronized boolean recordAnswer(String replyMessageId, AnswerKind kind, Instant at) {
        Optional<LedgerEntry> entry = findByReplyMessageId(replyMessageId);
        entry.ifPresent(e -> {
            journal.append(new JournalRecord(JournalRecord.ANSWER, e.id(), null, null, null, null, null, null, null,
                    kind.name(), at.toString()));
            put(e.answered(kind, at));
        });
        return entry.isPresent();
    }

    /** Sent replies of the user without an answer, sent before {@code olderThan} (for the digest). */
    @Override
    public synchronized List<LedgerEntry> unanswered(String user, Instant olderThan) {
        return entries(user).stream()
                .filter(e -> e.isSent() && e.answer() == AnswerKind.NO_ANSWER && e.sentAt().isBefore(olderThan))
                .toList();
    }

    /** Every entry of the user, oldest first. */
    @Override
    public synchronized List<LedgerEntry> entries(String user) {
        String u = norm(user);
        return byId.values().stream().filter(e -> e.user().equals(u))
                .sorted(Comparator.comparing(LedgerEntry::reservedAt)).toList();
    }

    /**
     * Erases every entry about one person (inviter key equal to the address, any user) and rewrites the journal, so
     * the data is gone from disk and not only from memory.
     *
     * @return how many entries were erased
     */
    @Override
    public synchronized int erase(String inviterAddress) {
        String key = norm(inviterAddress);
        List<LedgerEntry> doomed = byId.values().stream().filter(e -> e.inviterKey().equals(key)).toList();
        if (doomed.isEmpty()) {
            return 0;
        }
        doomed.forEach(this::remove);
        compact();
        return doomed.size();
    }

    /** Rewrites the journal as one line per live entry. */
    public synchronized void compact() {
        journal.rewrite(byId.values().stream().map(ReplyLedger::snapshot).toList());
    }

    @Override
    public synchronized void close() throws IOException {
        journal.close();
    }

    private void replay(JournalRecord r) {
        try {
            switch (r.op()) {
                case JournalRecord.ENTRY -> put(new LedgerEntry(r.id(), r.user(), r.key(), instant(r.reservedAt()),
                        instant(r.sentAt()), r.replyId(), r.originalId(), r.invitationId(),
                        r.answer() == null ? null : AnswerKind.valueOf(r.answer()), instant(r.answeredAt())));
                case JournalRecord.RESERVE -> put(new LedgerEntry(r.id(), r.user(), r.key(), instant(r.reservedAt()),
                        null, null, null, null, null, null));
                case JournalRecord.SENT -> {
                    LedgerEntry base = byId.getOrDefault(r.id(), new LedgerEntry(r.id(), r.user(), r.key(),
                            instant(r.reservedAt()), null, null, null, null, null, null));
                    put(base.sent(r.replyId(), r.originalId(), r.invitationId(), instant(r.sentAt())));
                }
                case JournalRecord.ANSWER -> Optional.ofNullable(byId.get(r.id())).ifPresent(e ->
                        put(e.answered(AnswerKind.valueOf(r.answer()), instant(r.answeredAt()))));
                case JournalRecord.RELEASE -> Optional.ofNullable(byId.get(r.id())).ifPresent(this::remove);
                default -> LOG.warn("reply ledger: ignoring record with unknown op '{}'", r.op());
            }
        } catch (RuntimeException e) {
            LOG.error("reply ledger: skipping invalid record {}: {}", r, e.toString());
        }
    }

    private static JournalRecord snapshot(LedgerEntry e) {
        return new JournalRecord(JournalRecord.ENTRY, e.id(), e.user(), e.inviterKey(), str(e.reservedAt()),
                str(e.sentAt()), e.replyMessageId(), e.originalMessageId(), e.invitationId(), e.answer().name(),
                str(e.answeredAt()));
    }

    private void put(LedgerEntry entry) {
        if (entry.user() == null || entry.inviterKey() == null || entry.reservedAt() == null) {
            throw new IllegalArgumentException("entry lacks user, key or time");
        }
        byId.put(entry.id(), entry);
        if (entry.replyMessageId() != null) {
            idByReplyMessageId.put(entry.replyMessageId(), entry.id());
        }
    }

    private void remove(LedgerEntry entry) {
        byId.remove(entry.id());
        if (entry.replyMessageId() != null) {
            idByReplyMessageId.remove(entry.replyMessageId(), entry.id());
        }
    }

    private List<LedgerEntry> entriesOf(String user, String inviterKey) {
        String u = norm(user);
        String k = norm(inviterKey);
        List<LedgerEntry> found = new ArrayList<>();
        for (LedgerEntry e : byId.values()) {
            if (e.user().equals(u) && e.inviterKey().equals(k)) {
                found.add(e);
            }
        }
        return found;
    }

    private Optional<LedgerEntry> latestReservation(String user, String inviterKey) {
        return entriesOf(user, inviterKey).stream().filter(e -> !e.isSent())
                .max(Comparator.comparing(LedgerEntry::reservedAt));
    }

    private static String norm(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("user and inviter key are required");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static String str(Instant value) {
        return value == null ? null : value.toString();
    }
}
