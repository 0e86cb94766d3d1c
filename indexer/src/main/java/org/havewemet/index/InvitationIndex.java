package org.havewemet.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * The live invitation index of one server: thread-safe, written by mail spool threads and searched concurrently.
 *
 * <p>Reads see every write made before them (they wait, at most a few tens of milliseconds, for the searcher that
 * contains the caller's last write). Every write goes to a write-ahead journal first ({@link IndexJournal}); commits
 * happen on an interval and on close and trim the journal, and the next open replays what a killed process had not
 * committed. A corrupt index is moved aside at open and replaced by an empty one (the journal is replayed into it).
 *
 * <p>Every read is scoped to one user by a filter this class adds; query text can never widen it.
 */
public final class InvitationIndex implements AutoCloseable {
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(5);
    private static final int LOCK_STRIPES = 64;
    /** Longest wait of a read for the searcher that contains a write. */
    static final int FRESHNESS_WAIT_MS = 5_000;
    private static final double MAX_STALE_SECONDS = 30.0;
    private static final double MIN_STALE_SECONDS = 0.010;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final DurableCommits commits;
    private final InvitationSchema schema = new InvitationSchema();
    private final IndexReads reads = new IndexReads(schema);
    private final AtomicLong lastWrite = new AtomicLong(-1);
    /** Last write that can change {@link #isKnown}: correspondents and deletions (invitations never do). */
    private final AtomicLong lastCorrespondentWrite = new AtomicLong(-1);
    /** Writes share it; erase and purge take it alone so that their counts are exact. */
    private final ReadWriteLock bulkLock = new ReentrantReadWriteLock();
    private final ReentrantLock[] recordLocks = new ReentrantLock[LOCK_STRIPES];
    private final AtomicBoolean closed = new AtomicBoolean();
    private final IndexJournal journal;

    /** A write already in the write-ahead journal (it survives a killed process), to be applied with {@link #apply}. */
    static final class JournaledWrite {
        private final IndexJournal.Ticket ticket;

        private JournaledWrite(IndexJournal.Ticket ticket) {
            this.ticket = ticket;
        }
    }

    /** Use {@link #open}: {@link IndexOpening} verifies, migrates and replays the journal before this runs. */
    InvitationIndex(Path path, Directory directory, IndexWriter writer, IndexJournal journal, Duration commitInterval)
            throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.journal = journal;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        // Every read waits for the generation of the last write, which wakes this thread within MIN_STALE; the long
        // max-stale only bounds how often it reopens on its own, so pure write load is not slowed by reopening.
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("havewemet-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            recordLocks[i] = new ReentrantLock();
        }
        this.commits = new DurableCommits(path, writer, journal, commitInterval);
    }

    /** Opens (creating if needed) the index in {@code dir}, committing every 5 seconds. */
    public static InvitationIndex open(Path dir) throws IOException {
        return open(dir, DEFAULT_COMMIT_INTERVAL);
    }

    /**
     * Opens (creating if needed) the index in {@code dir}. A damaged index is moved to {@code <dir>.corrupt-<time>}
     * with a WARN log line and an empty one is created instead; only environment problems (the index locked by a
     * running process, permissions, disk) are thrown.
     */
    public static InvitationIndex open(Path dir, Duration commitInterval) throws IOException {
        return IndexOpening.open(dir.toAbsolutePath(), commitInterval);
    }

    /** A searcher on an index that may be in use by a running server (no write lock taken). */
    public static ReadOnlyInvitationIndex openReadOnly(Path dir) throws IOException {
        return ReadOnlyInvitationIndex.open(dir);
    }

    public Path path() {
        return path;
    }

    public InvitationSchema schema() {
        return schema;
    }

    // ---------------------------------------------------------------- writes

    /** Adds or replaces (by id) one invitation. */
    public void index(InvitationRecord record) throws IOException {
        apply(journal(record));
    }

    /**
     * Appends the invitation to the write-ahead journal only: once this returns it survives a killed process (it is
     * replayed at the next open); {@link #apply} makes it part of the index. Lets a caller keep the Lucene work off
     * a latency-sensitive thread without a window in which a crash loses the write ({@link IndexWriteQueue}).
     */
    JournaledWrite journal(InvitationRecord record) throws IOException {
        ensureOpen();
        return new JournaledWrite(journal.append(new JournalOp.Index(record)));
    }

    /** Like {@link #journal(InvitationRecord)} for {@link #addCorrespondent}; null when there is nothing to record. */
    JournaledWrite journalCorrespondent(String user, String address, String displayName) throws IOException {
        if (user == null || (Names.normalizeAddress(address) == null && Names.normalizeName(displayName) == null)) {
            return null;
        }
        ensureOpen();
        return new JournaledWrite(journal.append(new JournalOp.Correspondent(user, address, displayName)));
    }

    /**
     * Applies a journaled write (null: nothing).
     *
     * @return the generation a searcher must reach to contain the write ({@link #awaitSearchable}); -1 for nothing
     */
    long apply(JournaledWrite write) throws IOException {
        if (write == null) {
            return -1;
        }
        JournalOp op = write.ticket.op();
        // Invitation writes of one id are serialised with updateReplyStatus's read-modify-write.
        ReentrantLock lock = op instanceof JournalOp.Index i ? lockFor(i.record().id()) : null;
        if (lock != null) {
            lock.lock();
        }
        long generation;
        try {
            generation = write(() -> op.applyTo(writer, schema));
            if (op instanceof JournalOp.Correspondent) {
                lastCorrespondentWrite.accumulateAndGet(generation, Math::max);
            }
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
        journal.applied(write.ticket);
        return generation;
    }

    /**
     * Waits until searches see every write up to {@code generation} (a value {@link #apply} returned; negative: no
     * wait), at most {@code maxMillis}; false when that time ran out or the thread was interrupted.
     */
    boolean awaitSearchable(long generation, long maxMillis) {
        ensureOpen();
        return awaitGeneration(generation, maxMillis);
    }

    /** The generation searches see now: every write whose {@link #apply} returned at most this is searchable. */
    long searchableGeneration() {
        return reopener.getSearchingGen();
    }

    /** The generation of the latest write (-1 before the first). */
    long lastWriteGeneration() {
        return lastWrite.get();
    }

    /** Records how the invitation was answered; false when the id is unknown. */
    public boolean updateReplyStatus(String id, String status, String detail) throws IOException {
        ReentrantLock lock = lockFor(id);
        lock.lock();
        try {
            Optional<InvitationRecord> current = get(id);
            if (current.isEmpty()) {
                return false;
            }
            index(current.get().withReplyStatus(status, detail));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Remembers that {@code user} corresponds with this person (by address and/or display name). */
    public void addCorrespondent(String user, String address, String displayName) throws IOException {
        apply(journalCorrespondent(user, address, displayName));
    }

    /**
     * Erases one person everywhere, for every user: their invitations (by address or profile link), hence their
     * inviter summaries, and correspondent entries. Committed before returning.
     *
     * @return the number of documents removed
     */
    public int eraseInviter(String address) throws IOException {
        String who = Names.normalizeAddress(address);
        if (who == null) {
            return 0;
        }
        int erased = deleteAll(new JournalOp.Erase(who), Erasure.inviter(schema, who));
        if (erased > 0) {
            // Deleted documents stay in their segment files until merged away: an erasure must leave no copy on disk.
            writer.forceMergeDeletes(true);
            commits.commitNow();
        }
        return erased;
    }

    /** Retention: removes invitations received before {@code cutoff}; committed before returning. */
    public int purgeOlderThan(Instant cutoff) throws IOException {
        return deleteAll(new JournalOp.Purge(cutoff), Erasure.olderThan(schema, cutoff));
    }

    public void commit() throws IOException {
        ensureOpen();
        commits.commitNow();
    }

    // ---------------------------------------------------------------- reads

    public Optional<InvitationRecord> get(String id) throws IOException {
        return read(searcher -> reads.get(searcher, id));
    }

    /**
     * One page of the user's invitations matching {@code query} (see {@link UserQueryParser}; blank = all).
     *
     * @throws QuerySyntaxException when the query cannot be parsed
     */
    public SearchResult search(String user, String query, SortOrder sort, int limit, int offset) throws IOException {
        return read(searcher -> reads.search(searcher, user, query, sort, limit, offset));
    }

    /**
     * One page of the user's invitations matching a query built with {@link #schema()}'s factories (such as
     * {@link InvitationSchema#receivedBetween}), for callers that know what they look for: no query text is built
     * or parsed. Scoped to the user like every read.
     */
    public SearchResult search(String user, Query query, SortOrder sort, int limit, int offset) throws IOException {
        return read(searcher -> reads.search(searcher, user, query, sort, limit, offset));
    }

    /** One entry per person who invited {@code user} (optionally only invitations matching query), latest first. */
    public List<InviterSummary> inviters(String user, String query, int limit, int offset) throws IOException {
        return read(searcher -> reads.inviters(searcher, user, query, limit, offset));
    }

    /** Whether {@code user} corresponds with this address, or with someone of this (normalised) name. */
    public boolean isKnown(String user, String address, String name) throws IOException {
        // Waits only for correspondent writes: invitation documents cannot change the answer.
        return read(lastCorrespondentWrite.get(), searcher -> reads.isKnown(searcher, user, address, name));
    }

    /**
     * {@link #isKnown} on the searcher as it is, without waiting for correspondents written but not yet searchable:
     * for a caller that knows those itself ({@link IndexWriteQueue#isKnown}), so that a spool thread never waits for
     * a Lucene reopen. Erasures are searchable when they return, so an erased person is never known here.
     */
    boolean isKnownSearchableNow(String user, String address, String name) throws IOException {
        return read(-1, searcher -> reads.isKnown(searcher, user, address, name));
    }

    /** Number of invitations indexed for {@code user}. */
    public long count(String user) throws IOException {
        return read(searcher -> reads.count(searcher, user));
    }

    /**
     * Server-wide counts over every user's invitations, for the admin's statistics: {@code verdict} (verdict to
     * count), {@code replyStatus} (replied, drafted, suppressed, ... to count) and {@code suppressedReason} (why
     * replies were suppressed, to count). Reads stored fields of every invitation: meant for occasional admin use.
     */
    public Map<String, Map<String, Long>> totals() throws IOException {
        return read(searcher -> ServerTotals.count(searcher, schema));
    }

    /** Every user's invitations received since {@code from}, counted per day and verdict, platform, note language. */
    public ActivityCounts activity(Instant from) throws IOException {
        return read(searcher -> ServerActivity.count(searcher, schema, from));
    }

    /** The newest {@code limit} invitations of every user, newest first: the admin's history of decisions. */
    public List<InvitationRecord> latest(int limit) throws IOException {
        return read(searcher -> ServerActivity.latest(searcher, schema, limit));
    }

    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        commits.close();
        reopener.close();
        try {
            searchers.close();
            commits.commitNow();
        } finally {
            try {
                journal.close();
            } finally {
                writer.close();
                directory.close();
            }
        }
    }

    // ---------------------------------------------------------------- internals

    @FunctionalInterface
    private interface Write {
        long apply() throws IOException;
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private long write(Write write) throws IOException {
        ensureOpen();
        bulkLock.readLock().lock();
        try {
            long generation = write.apply();
            lastWrite.accumulateAndGet(generation, Math::max);
            return generation;
        } finally {
            bulkLock.readLock().unlock();
        }
    }

    private <T> T read(Read<T> read) throws IOException {
        return read(lastWrite.get(), read);
    }

    /** A read on a searcher that contains every write up to {@code freshAsOf} (negative: the searcher as it is). */
    private <T> T read(long freshAsOf, Read<T> read) throws IOException {
        ensureOpen();
        awaitGeneration(freshAsOf, FRESHNESS_WAIT_MS);
        IndexSearcher searcher = searchers.acquire();
        try {
            return read.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    private int deleteAll(JournalOp op, Query... queries) throws IOException {
        ensureOpen();
        bulkLock.writeLock().lock();
        try {
            int count = 0;
            for (Query q : queries) {
                count += read(searcher -> searcher.count(q));
            }
            if (count > 0) {
                // Journaled too: a replay must not bring back a person erased after their invitation was journaled.
                IndexJournal.Ticket ticket = journal.append(op);
                long generation = writer.deleteDocuments(queries);
                lastWrite.accumulateAndGet(generation, Math::max);
                lastCorrespondentWrite.accumulateAndGet(generation, Math::max);
                journal.applied(ticket);
                commits.commitNow();
                // Searchable before returning: reads that do not wait for writes (IndexWriteQueue#isKnown) must
                // never find an erased person.
                if (!awaitGeneration(generation, FRESHNESS_WAIT_MS)) {
                    throw new IOException("an erasure is committed but was not searchable within " + FRESHNESS_WAIT_MS
                        + " ms");
                }
            }
            return count;
        } finally {
            bulkLock.writeLock().unlock();
        }
    }

    private boolean awaitGeneration(long generation, long maxMillis) {
        if (generation < 0) {
            return true;
        }
        try {
            return reopener.waitForGeneration(generation, (int) Math.min(Integer.MAX_VALUE, maxMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ReentrantLock lockFor(String id) {
        return recordLocks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the invitation index at " + path + " is closed");
        }
    }

    /** Unchecked wrapper for callers that cannot throw IOException (such as a KnownInviters lambda); waits like it. */
    public boolean isKnownUnchecked(String user, String address, String name) {
        try {
            return isKnown(user, address, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
