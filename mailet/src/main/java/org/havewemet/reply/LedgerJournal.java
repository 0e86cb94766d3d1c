package org.havewemet.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger's append-only journal: one JSON object per line, each appended record forced to disk before the call
 * returns. A crash can only tear the last line; at open such a tail is dropped with a WARN and cut off, so the next
 * append starts on a clean line. A lock file keeps a second process (or ledger) off the same directory.
 */
final class LedgerJournal implements AutoCloseable {
    static final String FILE = "ledger.jsonl";
    private static final String LOCK = "ledger.lock";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerJournal.class);

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Path dir;
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel channel;
    private boolean closed;

    LedgerJournal(Path dir) throws IOException {
        this.dir = dir;
        this.file = dir.resolve(FILE);
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new IllegalStateException("reply ledger " + dir + " is already open by another ledger or process");
        }
        lock = acquired;
    }

    /** Reads every valid record, cutting a torn tail off the file. Must be called once, before appends. */
    List<JournalRecord> load() throws IOException {
        List<JournalRecord> records = new ArrayList<>();
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        long goodEnd = 0;
        List<String> badSinceGood = new ArrayList<>();
        int start = 0;
        int lineNo = 0;
        while (start < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', start);
            int end = nl < 0 ? bytes.length : nl;
            lineNo++;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
            JournalRecord record = nl < 0 ? null : parse(line);
            if (record != null || (nl >= 0 && line.isEmpty())) {
                if (record != null) {
                    records.add(record);
                }
                badSinceGood.forEach(bad -> LOG.error("reply ledger {}: skipping unreadable record {}", file, bad));
                badSinceGood.clear();
                goodEnd = end + 1L;
            } else {
                badSinceGood.add("line " + lineNo);
            }
            start = end + 1;
        }
        openForAppend();
        if (goodEnd < bytes.length) {
            LOG.warn("reply ledger {}: ignoring torn last record(s) {} ({} bytes), probably an interrupted write",
                    file, badSinceGood, bytes.length - goodEnd);
            channel.truncate(goodEnd);
            channel.force(true);
        }
        return records;
    }

    /** Appends one record and forces it to disk. */
    void append(JournalRecord record) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap((json.writeValueAsString(record) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to reply ledger " + file, e);
        }
    }

    /** Replaces the whole journal by the given records, atomically (temp file, fsync, rename, fsync dir). */
    void rewrite(List<JournalRecord> records) {
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                StringBuilder text = new StringBuilder();
                for (JournalRecord record : records) {
                    text.append(json.writeValueAsString(record)).append('\n');
                }
                ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            channel.close();
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            openForAppend();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite reply ledger " + file, e);
        }
    }

    private JournalRecord parse(String line) {
        if (line.isEmpty()) {
            return null;
        }
        try {
            JournalRecord record = json.readValue(line, JournalRecord.class);
            return record.op() == null ? null : record;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void openForAppend() throws IOException {
        boolean created = !Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        if (created) {
            forceDirectory();
        }
    }

    /** Makes a new or renamed file's directory entry durable (POSIX); a no-op where directories cannot be opened. */
    private void forceDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
