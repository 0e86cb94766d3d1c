package org.havewemet.opensearch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.LedgerEntry;
import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.MessageIds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reply ledger in OpenSearch, shared by every node of a distributed James.
 *
 * <p>Once per inviter across nodes: each (user, inviter) pair has one <em>slot</em> document (id = a digest of the
 * pair) holding the last time a reply to that pair was reserved or sent. {@link #tryReserve} reads the slot with a
 * realtime get and takes it with {@code _create} when absent or with a write conditional on the {@code _seq_no} and
 * {@code _primary_term} it read; of two nodes racing, OpenSearch lets exactly one write win (the other gets 409, reads
 * again and sees the reservation). The entries themselves (one document each, written with {@code refresh=true} so
 * searches see them at once) are the history that the digest, answers and erase read.
 *
 * <p>When the slot is taken but the entry cannot be written (OpenSearch lost mid-way), the pair stays blocked for
 * the period: a missed reply, never a second one.
 */
public final class OpenSearchLedger implements LedgerStore {
    static final String ENTRIES = "ledger";
    static final String SLOTS = "ledger-slots";
    private static final int RETRIES = 20;
    private static final String ENTRY_MAPPINGS = "{\"dynamic\":\"strict\",\"properties\":{"
            + "\"id\":{\"type\":\"keyword\"},\"user\":{\"type\":\"keyword\"},\"inviterKey\":{\"type\":\"keyword\"},"
            + "\"reservedAt\":{\"type\":\"long\"},\"sentAt\":{\"type\":\"long\"},"
            + "\"replyMessageId\":{\"type\":\"keyword\"},\"originalMessageId\":{\"type\":\"keyword\"},"
            + "\"invitationId\":{\"type\":\"keyword\"},\"answer\":{\"type\":\"keyword\"},"
            + "\"answeredAt\":{\"type\":\"long\"}}}";
    private static final String SLOT_MAPPINGS = "{\"dynamic\":\"strict\",\"properties\":{"
            + "\"user\":{\"type\":\"keyword\"},\"inviterKey\":{\"type\":\"keyword\"},"
            + "\"lastActivity\":{\"type\":\"long\"},\"previousActivity\":{\"type\":\"long\"},"
            + "\"entryId\":{\"type\":\"keyword\"}}}";

    private final Documents entries;
    private final Documents slots;
    private final Runnable entriesIndex;
    private final Runnable slotsIndex;

    private OpenSearchLedger(OpenSearchStorage storage) {
        this.entries = new Documents(storage, ENTRIES);
        this.slots = new Documents(storage, SLOTS);
        this.entriesIndex = storage.lazyIndex(ENTRIES, ENTRY_MAPPINGS);
        this.slotsIndex = storage.lazyIndex(SLOTS, SLOT_MAPPINGS);
    }

    /** The ledger; its indices are created on first use, by whichever node comes first. */
    public static OpenSearchLedger open(OpenSearchStorage storage) {
        return new OpenSearchLedger(storage);
    }

    private void ready() {
        entriesIndex.run();
        slotsIndex.run();
    }

    @Override
    public boolean tryReserve(String user, String inviterKey, Instant now, Duration period) {
        ready();
        String u = Documents.norm(user);
        String k = Documents.norm(inviterKey);
        String slotId = Documents.digest(u, k);
        Instant since = now.minus(period);
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<Documents.Versioned> slot = slots.get(slotId);
            Instant last = slot.map(s -> Documents.instant(s.source().get("lastActivity"))).orElse(null);
            if (last != null && last.isAfter(since)) {
                return false;
            }
            String entryId = UUID.randomUUID().toString();
            ObjectNode taken = slotSource(u, k, now, last, entryId);
            boolean won = slot.isPresent() ? slots.replace(slot.get(), taken, false) : slots.create(slotId, taken, false);
            if (won) {
                entries.create(entryId, entrySource(new LedgerEntry(entryId, u, k, now, null, null, null, null, null,
                        null)), true);
                return true;
            }
        }
        throw Documents.contended("reserving a reply");
    }

    @Override
    public boolean isAnsweredWithin(String user, String inviterKey, Instant now, Duration period) {
        ready();
        return slots.get(Documents.digest(Documents.norm(user), Documents.norm(inviterKey)))
                .map(s -> Documents.instant(s.source().get("lastActivity")))
                .filter(last -> last.isAfter(now.minus(period)))
                .isPresent();
    }

    @Override
    public void release(String user, String inviterKey) {
        ready();
        String u = Documents.norm(user);
        String k = Documents.norm(inviterKey);
        Optional<LedgerEntry> reservation = latestReservation(u, k);
        if (reservation.isEmpty()) {
            return;
        }
        String slotId = Documents.digest(u, k);
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<Documents.Versioned> slot = slots.get(slotId);
            if (slot.isEmpty() || !reservation.get().id().equals(Documents.text(slot.get().source().get("entryId")))) {
                break; // an older reservation: the slot does not stand on it
            }
            Instant previous = Documents.instant(slot.get().source().get("previousActivity"));
            boolean done = previous == null ? slots.delete(slot.get(), false)
                    : slots.replace(slot.get(), slotSource(u, k, previous, null, null), false);
            if (done) {
                break;
            }
        }
        entries.deleteWhere(Documents.filters(Documents.term("id", reservation.get().id())));
    }

    @Override
    public void recordSent(String user, String inviterKey, String replyMessageId, String originalMessageId,
                           String invitationId, Instant at) {
        ready();
        String u = Documents.norm(user);
        String k = Documents.norm(inviterKey);
        String replyId = MessageIds.normalize(replyMessageId).orElse(null);
        String originalId = MessageIds.normalize(originalMessageId).orElse(null);
        LedgerEntry base = latestReservation(u, k).orElseGet(() -> new LedgerEntry(UUID.randomUUID().toString(), u, k,
                at, null, null, null, null, null, null));
        entries.put(base.id(), entrySource(new LedgerEntry(base.id(), u, k, base.reservedAt(), at, replyId, originalId,
                invitationId, base.answer(), base.answeredAt())), true);
        raiseSlot(u, k, at);
    }

    @Override
    public Optional<LedgerEntry> findByReplyMessageId(String messageId) {
        ready();
        return MessageIds.normalize(messageId).flatMap(id -> search(Documents.filters(
                Documents.term("replyMessageId", id))).stream().max(Comparator.comparing(LedgerEntry::sentAt)));
    }

    @Override
    public boolean recordAnswer(String replyMessageId, AnswerKind kind, Instant at) {
        Optional<LedgerEntry> entry = findByReplyMessageId(replyMessageId);
        entry.ifPresent(e -> entries.put(e.id(), entrySource(new LedgerEntry(e.id(), e.user(), e.inviterKey(),
                e.reservedAt(), e.sentAt(), e.replyMessageId(), e.originalMessageId(), e.invitationId(), kind, at)),
                true));
        return entry.isPresent();
    }

    @Override
    public List<LedgerEntry> unanswered(String user, Instant olderThan) {
        ready();
        return search(Documents.filters(Documents.term("user", Documents.norm(user)), Documents.exists("sentAt"),
                Documents.term("answer", AnswerKind.NO_ANSWER.name()), Documents.before("sentAt", olderThan)));
    }

    @Override
    public List<LedgerEntry> entries(String user) {
        ready();
        return search(Documents.filters(Documents.term("user", Documents.norm(user))));
    }

    @Override
    public int erase(String inviterAddress) {
        ready();
        String key = Documents.norm(inviterAddress);
        int erased = entries.deleteWhere(Documents.filters(Documents.term("inviterKey", key)));
        slots.deleteWhere(Documents.filters(Documents.term("inviterKey", key)));
        return erased;
    }

    /** Nothing to release: the connection belongs to whoever opened it. */
    @Override
    public void close() {
    }

    private void raiseSlot(String u, String k, Instant at) {
        String slotId = Documents.digest(u, k);
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            Optional<Documents.Versioned> slot = slots.get(slotId);
            if (slot.isEmpty()) {
                if (slots.create(slotId, slotSource(u, k, at, null, null), false)) {
                    return;
                }
                continue;
            }
            Instant last = Documents.instant(slot.get().source().get("lastActivity"));
            if (last != null && !at.isAfter(last)) {
                return;
            }
            if (slots.replace(slot.get(), slotSource(u, k, at, last, null), false)) {
                return;
            }
        }
        throw Documents.contended("recording a sent reply");
    }

    private Optional<LedgerEntry> latestReservation(String u, String k) {
        return search(Documents.filters(Documents.term("user", u), Documents.term("inviterKey", k),
                Documents.notExists("sentAt"))).stream().reduce((first, second) -> second);
    }

    /** Oldest first, as the embedded ledger lists them. */
    private List<LedgerEntry> search(ArrayNode filters) {
        return entries.searchAll(filters, Documents.sort("reservedAt", "id")).stream()
                .map(OpenSearchLedger::entry).toList();
    }

    private static ObjectNode slotSource(String u, String k, Instant last, Instant previous, String entryId) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.put("user", u).put("inviterKey", k).put("lastActivity", Documents.nanos(last));
        if (previous != null) {
            node.put("previousActivity", Documents.nanos(previous));
        }
        if (entryId != null) {
            node.put("entryId", entryId);
        }
        return node;
    }

    static ObjectNode entrySource(LedgerEntry e) {
        ObjectNode node = OpenSearchStorage.JSON.createObjectNode();
        node.put("id", e.id()).put("user", e.user()).put("inviterKey", e.inviterKey())
                .put("reservedAt", Documents.nanos(e.reservedAt())).put("answer", e.answer().name());
        if (e.sentAt() != null) {
            node.put("sentAt", Documents.nanos(e.sentAt()));
        }
        putIfPresent(node, "replyMessageId", e.replyMessageId());
        putIfPresent(node, "originalMessageId", e.originalMessageId());
        putIfPresent(node, "invitationId", e.invitationId());
        if (e.answeredAt() != null) {
            node.put("answeredAt", Documents.nanos(e.answeredAt()));
        }
        return node;
    }

    static LedgerEntry entry(ObjectNode s) {
        return new LedgerEntry(s.get("id").asText(), s.get("user").asText(), s.get("inviterKey").asText(),
                Documents.instant(s.get("reservedAt")), Documents.instant(s.get("sentAt")),
                Documents.text(s.get("replyMessageId")), Documents.text(s.get("originalMessageId")),
                Documents.text(s.get("invitationId")), AnswerKind.valueOf(s.get("answer").asText()),
                Documents.instant(s.get("answeredAt")));
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
