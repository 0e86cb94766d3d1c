package org.havewemet.index;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-ahead journal of the invitation index: every write is appended here (one {@code write} call, no fsync)
 * before Lucene sees it, and replayed at the next open. Lucene only keeps what a commit made durable, and James
 * acknowledges a mail as soon as the mailet returns, so without this a {@code kill -9} lost the invitations of the
 * last seconds. The operating system keeps written bytes when the process dies, so the journal survives a killed
 * JVM; only a power loss can take its tail (then the index is as before: committed state only).
 *
 * <p>Segments {@code journal-<n>.log} in {@code <index>.journal/}; frames {@code [length][payload][crc32]}, a torn
 * tail frame is ignored. A segment is deleted once a commit made every operation in it durable.
 */
final class IndexJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexJournal.class);
    private static final int MAX_FRAME = 64 * 1024 * 1024;

    /** An appended operation, to be reported applied once Lucene has it. */
    record Ticket(long segment, JournalOp op) {
    }

    private final Path dir;
    /** Segments older than this one were written by an earlier run and replayed at open. */
    private final long firstSegmentOfThisRun;
    private final Map<Long, Integer> unapplied = new HashMap<>();
    private long segment;
    private OutputStream out;

    private IndexJournal(Path dir, long segment) throws IOException {
        this.dir = dir;
        this.firstSegmentOfThisRun = segment;
        this.segment = segment;
        this.out = open(segment);
    }

    /** The journal directory beside an index directory. */
    static Path directoryFor(Path indexDir) {
        return indexDir.resolveSibling(indexDir.getFileName() + ".journal");
    }

    /**
     * Replays every segment left by an earlier process, in order, then opens a fresh segment for writing.
     * {@code apply} must be idempotent (updates by id, deletes by query); the caller commits and then calls
     * {@link #deleteReplayed}.
     */
    static IndexJournal openAndReplay(Path dir, OpConsumer apply) throws IOException {
        Files.createDirectories(dir);
        List<Path> old = segments(dir);
        int replayed = 0;
        for (Path file : old) {
            replayed += replay(file, apply);
        }
        if (replayed > 0) {
            LOG.warn("havewemet index journal: replayed {} write(s) that the last run had not committed ({} segment(s))",
                    replayed, old.size());
        }
        long next = old.isEmpty() ? 1 : number(old.get(old.size() - 1)) + 1;
        return new IndexJournal(dir, next);
    }

    /** Deletes the segments replayed at open (call after the commit that made them durable). */
    void deleteReplayed() throws IOException {
        for (Path file : segments(dir)) {
            if (number(file) < firstSegmentOfThisRun) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Appends one operation; once this returns, a killed process will replay it. */
    synchronized Ticket append(JournalOp op) throws IOException {
        byte[] payload = JournalOp.encode(op);
        CRC32 crc = new CRC32();
        crc.update(payload);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 8);
        frame.putInt(payload.length).put(payload).putInt((int) crc.getValue());
        out.write(frame.array());
        unapplied.merge(segment, 1, Integer::sum);
        return new Ticket(segment, op);
    }

    /** Lucene has the operation (not yet committed). */
    synchronized void applied(Ticket ticket) {
        unapplied.computeIfPresent(ticket.segment(), (k, n) -> n <= 1 ? null : n - 1);
    }

    /**
     * Called right before a commit: starts a new segment and returns the finished ones whose every operation is
     * already in Lucene, hence durable once the commit succeeds.
     */
    synchronized List<Long> sealForCommit() throws IOException {
        out.close();
        long sealed = segment;
        segment = sealed + 1;
        out = open(segment);
        List<Long> durable = new ArrayList<>();
        for (Path file : segments(dir)) {
            long n = number(file);
            if (n <= sealed && !unapplied.containsKey(n)) {
                durable.add(n);
            }
        }
        return durable;
    }

    /** After a successful commit: drops the segments {@link #sealForCommit} returned. */
    void delete(List<Long> durable) throws IOException {
        for (long n : durable) {
            Files.deleteIfExists(file(n));
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Applies one replayed operation. */
    @FunctionalInterface
    interface OpConsumer {
        void accept(JournalOp op) throws IOException;
    }

    private OutputStream open(long n) throws IOException {
        return Files.newOutputStream(file(n), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private Path file(long n) {
        return dir.resolve(String.format(Locale.ROOT, "journal-%019d.log", n));
    }

    private static int replay(Path file, OpConsumer apply) throws IOException {
        int count = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    return count;
                }
                byte[] payload = length < 0 || length > MAX_FRAME ? new byte[0] : in.readNBytes(length);
                Integer stored = payload.length == length ? readCrc(in) : null;
                CRC32 crc = new CRC32();
                crc.update(payload);
                if (stored == null || stored != (int) crc.getValue()) {
                    // The process died in the middle of this write: everything before it is whole.
                    LOG.warn("havewemet index journal: {} ends with a torn write after {} operation(s); ignoring it",
                            file.getFileName(), count);
                    return count;
                }
                JournalOp op;
                try {
                    op = JournalOp.decode(payload);
                } catch (IOException | RuntimeException unreadable) {
                    LOG.warn("havewemet index journal: skipping an unreadable operation in {}: {}", file.getFileName(),
                            unreadable.toString());
                    continue;
                }
                apply.accept(op);
                count++;
            }
        }
    }

    private static Integer readCrc(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException torn) {
            return null;
        }
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("journal-\\d{19}\\.log"))
                    .sorted(Comparator.comparingLong(IndexJournal::number)).toList();
        }
    }

    private static long number(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring("journal-".length(), name.length() - ".log".length()));
    }
}
