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
 * batches, and waits until each batch is searchable before taking the next one: every write returns the index
 * writer's sequence number, and the batch waits for the searcher generation of its last one (as Lucene's
 * {@code ControlledRealTimeReopenThread} counts generations), so one reopen serves the whole batch. Why: every index
 * read waits until the last write is searchable, so a spool thread that looked up a correspondent right after another
 * one wrote an invitation used to wait for a Lucene reopen on almost every mail.
 *
 * <p>Nothing is dropped: the queue is bounded (a full queue makes the submitter wait for room, that is the
 * back-pressure), {@link #flush} waits for everything submitted so far, {@link #close} drains the queue before it
 * returns, and a write submitted after close runs on the caller's thread. A failed write is logged and reported to
 * the failure callback, exactly like a failed synchronous write was. Correspondents still waiting here are
 * answered by {@link #isPendingCorrespondent}, so "known" lookups never miss a correspondent that was recorded.
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
    private final Thread worker;
    private long submitted;
    private long completed;
    private boolean closed;
    /** Someone waits in {@link #flush} or for room in the queue: the writer stops lingering. */
    private boolean hurry;

    private record Task(long sequence, Write write, List<String> correspondentKeys) {
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

    /** Whether a correspondent matching the address or the name of this person is still on its way to the index. */
    public boolean isPendingCorrespondent(String user, String address, String name) {
        if (pendingCorrespondents.isEmpty()) {
            return false;
        }
        for (String key : keys(user, address, name)) {
            if (pendingCorrespondents.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until every write submitted before this call is applied and searchable; false on timeout. */
    public boolean flush(Duration timeout) throws InterruptedException {
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
                    return false;
                }
                progress.awaitNanos(left);
            }
            return true;
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
                try {
                    generation = Math.max(generation, task.write().apply(index));
                } catch (IOException | RuntimeException e) {
                    onFailure.run();
                    LOGGER.error("havewemet: an index write failed; the document is missing from the index", e);
                }
            }
            awaitSearchable(generation);
            lock.lock();
            try {
                for (Task task : batch) {
                    task.correspondentKeys().forEach(key -> pendingCorrespondents.computeIfPresent(key,
                        (k, n) -> n == 1 ? null : n - 1));
                }
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
     * Waits until the searcher contains the batch's last write (and so all of it), so that the reads that follow
     * find it searchable without waiting themselves and {@link #flush} means "searchable".
     */
    private void awaitSearchable(long generation) {
        try {
            if (!index.awaitSearchable(generation)) {
                LOGGER.warn("havewemet: a batch of index writes was not searchable within {} ms",
                    InvitationIndex.FRESHNESS_WAIT_MS);
            }
        } catch (RuntimeException e) {
            LOGGER.debug("havewemet: index closed while a batch of writes became searchable", e);
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
