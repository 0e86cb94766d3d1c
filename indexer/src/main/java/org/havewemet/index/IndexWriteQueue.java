package org.havewemet.index;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index writes taken off the mail server's spool threads: one writer thread applies them in submission order, in
 * batches. Nothing waits for a write to become searchable unless it asks: the index is eventually searchable (the
 * near-real-time reopen thread refreshes on its own at least every 30 s, and within milliseconds once somebody waits
 * for a generation). A caller that needs read-your-writes asks explicitly: {@link #flush} returns once everything
 * submitted before it is applied and searchable, and the index's own reads wait for the writes they must see. Why:
 * when the writer itself waited for a Lucene reopen after every batch, each batch cost a reopen (a flushed segment
 * and merges), CPU taken from the spool threads on a busy server, for a freshness no mail needed.
 *
 * <p>Correspondents are the one thing mail processing reads back at once (the next mail from that person is
 * KNOWN): {@link #isKnown} answers from the correspondents still queued or applied but not yet searchable
 * ({@link #isPendingCorrespondent}), then from the searcher as it is, so a spool thread never waits for a reopen.
 *
 * <p>Nothing is dropped: the queue is bounded (a full queue makes the submitter wait for room, that is the
 * back-pressure), {@link #flush} waits for everything submitted so far, {@link #close} drains the queue before it
 * returns, and a write submitted after close runs on the caller's thread. A failed write is logged and reported to
 * the failure callback, exactly like a failed synchronous write was.
 * Durability: invitations and correspondents are written to the index's write-ahead journal before they are queued
 * ({@link #submitRecord}, {@link #addCorrespondent}), so a killed process loses none of them.
 */
public final class IndexWriteQueue implements AutoCloseable {
    /** One write against the index. */
    @FunctionalInterface
    interface Write {
        /** @return the index writer's sequence number of the change (its searcher generation), or -1 for none */
        long apply(InvitationIndex index) throws IOException;
    }

    public static final int DEFAULT_CAPACITY = 2_000;
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(1000);
    private static final int MAX_BATCH = 500;
    /** {@link #awaitApplied} timed out. */
    static final long NOT_APPLIED = Long.MIN_VALUE;
    private static final Logger LOGGER = LoggerFactory.getLogger(IndexWriteQueue.class);

    private final InvitationIndex index;
    private final int capacity;
    private final long lingerNanos;
    private final Runnable onFailure;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    /** Correspondent keys (user + address, user + name) submitted but not yet searchable, with their counts. */
    private final Map<String, Integer> pendingCorrespondents = new ConcurrentHashMap<>();
    /**
     * Correspondents applied but perhaps not yet searchable, in the order applied (so by generation): their keys
     * leave {@link #pendingCorrespondents} once the searcher reaches their generation. Guarded by itself.
     */
    private final ArrayDeque<Applied> notYetSearchable = new ArrayDeque<>();
    private final Thread worker;
    private long submitted;
    private long completed;
    /** The largest generation among the writes applied so far (-1: none): what {@link #flush} waits to see. */
    private long appliedGeneration = -1;
    private boolean closed;
    /** Someone waits in {@link #flush} or for room in the queue: the writer stops lingering. */
    private boolean hurry;

    private record Task(long sequence, Write write, List<String> correspondentKeys) {
    }

    private record Applied(long generation, List<String> correspondentKeys) {
    }

    /**
     * Starts the writer thread.
     *
     * @param capacity  writes queued at most before a submitter waits for room
     * @param linger    how long the writer waits for more writes after the first of a batch
     * @param onFailure called once for every write that failed (after it was logged)
     */
    public IndexWriteQueue(InvitationIndex index, int capacity, Duration linger, Runnable onFailure) {
        this.index = index;
        this.capacity = capacity;
        this.lingerNanos = linger.toNanos();
        this.onFailure = onFailure;
        this.worker = new Thread(this::run, "havewemet-index-writer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues one write; waits for room when the queue is full; runs it right here once the queue is closed. */
    void submit(Write write) throws IOException, InterruptedException {
        enqueue(write, List.of());
    }

    /**
     * Queues one invitation. It is written to the index's write-ahead journal right here, on the caller's (spool)
     * thread, so once this returns a killed process replays it at the next start; the Lucene work is queued.
     */
    public void submitRecord(InvitationRecord record) throws IOException, InterruptedException {
        InvitationIndex.JournaledWrite journaled = index.journal(record);
        enqueue(target -> target.apply(journaled), List.of());
    }

    /**
     * Queues a correspondent (journaled here, like {@link #submitRecord}); until it is searchable,
     * {@link #isPendingCorrespondent} answers for it.
     */
    public void addCorrespondent(String user, String address, String displayName)
            throws IOException, InterruptedException {
        InvitationIndex.JournaledWrite journaled = index.journalCorrespondent(user, address, displayName);
        enqueue(target -> target.apply(journaled), keys(user, address, displayName));
    }

    /**
     * Whether {@code user} corresponds with this person (address or normalised name), without waiting for the index:
     * correspondents still on their way count ({@link #isPendingCorrespondent}), then the searcher as it is. For the
     * spool threads; checked in this order, so a correspondent that becomes searchable in between is not missed.
     */
    public boolean isKnown(String user, String address, String name) throws IOException {
        return isPendingCorrespondent(user, address, name) || index.isKnownSearchableNow(user, address, name);
    }

    /** Whether a correspondent matching the address or the name of this person is still on its way to the index. */
    public boolean isPendingCorrespondent(String user, String address, String name) {
        if (pendingCorrespondents.isEmpty()) {
            return false;
        }
        forgetSearchable();
        for (String key : keys(user, address, name)) {
            if (pendingCorrespondents.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until every write submitted before this call is applied and searchable (the explicit read-your-writes
     * of WebAdmin, the digest, answers and benchmarks); false on timeout.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long generation = awaitApplied(timeout);
        if (generation == NOT_APPLIED) {
            return false;
        }
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        try {
            return index.awaitSearchable(generation, Math.max(0, leftMillis));
        } catch (IllegalStateException closedMeanwhile) {
            return true; // closed: everything applied was committed, nothing is left to become searchable
        }
    }

    /**
     * Waits until every write submitted before this call is applied to the index writer (not necessarily
     * searchable yet); returns the largest generation applied so far, or {@link #NOT_APPLIED} on timeout.
     */
    long awaitApplied(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long target = submitted;
            if (completed < target) {
                hurry = true;
                notEmpty.signalAll();
            }
            while (completed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return NOT_APPLIED;
                }
                progress.awaitNanos(left);
            }
            return appliedGeneration;
        } finally {
            lock.unlock();
        }
    }

    /** Writes submitted and not yet applied. */
    public int pending() {
        lock.lock();
        try {
            return (int) (submitted - completed);
        } finally {
            lock.unlock();
        }
    }

    /** Applies everything queued, then stops the writer thread; later writes run on their caller's thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            LOGGER.error("havewemet: the index writer did not finish its queue within 60 s ({} writes left)", pending());
        }
    }

    private void enqueue(Write write, List<String> keys) throws IOException, InterruptedException {
        lock.lock();
        try {
            while (!closed && queue.size() >= capacity) {
                hurry = true; // a full queue is written at once, never left to linger
                notEmpty.signalAll();
                notFull.await();
            }
            if (!closed) {
                keys.forEach(key -> pendingCorrespondents.merge(key, 1, Integer::sum));
                queue.addLast(new Task(++submitted, write, keys));
                notEmpty.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        write.apply(index); // closed: nobody is left to do it for us
    }

    private void run() {
        while (true) {
            List<Task> batch = takeBatch();
            if (batch.isEmpty()) {
                return;
            }
            long generation = -1;
            for (Task task : batch) {
                long written = -1;
                try {
                    written = task.write().apply(index);
                    generation = Math.max(generation, written);
                } catch (IOException | RuntimeException e) {
                    onFailure.run();
                    LOGGER.error("havewemet: an index write failed; the document is missing from the index", e);
                }
                if (!task.correspondentKeys().isEmpty()) {
                    synchronized (notYetSearchable) {
                        notYetSearchable.addLast(new Applied(written, task.correspondentKeys()));
                    }
                }
            }
            forgetSearchable();
            lock.lock();
            try {
                appliedGeneration = Math.max(appliedGeneration, generation);
                completed = batch.get(batch.size() - 1).sequence();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The next batch: waits for a first write, then lingers briefly so that one reopen serves several writes. */
    private List<Task> takeBatch() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                notEmpty.awaitUninterruptibly();
            }
            long until = System.nanoTime() + lingerNanos;
            long left;
            while (!closed && !hurry && queue.size() < Math.min(MAX_BATCH, capacity)
                && (left = until - System.nanoTime()) > 0) {
                notEmpty.awaitNanos(left);
            }
            hurry = false;
            List<Task> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
            while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(queue.pollFirst());
            }
            notFull.signalAll();
            return batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            List<Task> rest = new ArrayList<>(queue);
            queue.clear();
            return rest;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Drops the correspondents that the searcher now contains from the pending ones (a failed write, generation -1,
     * is dropped at once: it will never be searchable). Cheap: reads one volatile generation.
     */
    private void forgetSearchable() {
        synchronized (notYetSearchable) {
            if (notYetSearchable.isEmpty()) {
                return;
            }
            long searchable = index.searchableGeneration();
            while (!notYetSearchable.isEmpty() && notYetSearchable.peekFirst().generation() <= searchable) {
                notYetSearchable.pollFirst().correspondentKeys().forEach(key ->
                    pendingCorrespondents.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1));
            }
        }
    }

    private static List<String> keys(String user, String address, String name) {
        String who = Names.normalizeAddress(user);
        List<String> keys = new ArrayList<>(2);
        String a = Names.normalizeAddress(address);
        String n = Names.normalizeName(name);
        if (who == null) {
            return keys;
        }
        if (a != null) {
            keys.add(who + "\u0000a\u0000" + a);
        }
        if (n != null) {
            keys.add(who + "\u0000n\u0000" + n);
        }
        return keys;
    }
}
