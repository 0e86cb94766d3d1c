package org.havewemet.mailet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The copies a user made into a watched folder and has not yet expunged from the folder they came from (the first half
 * of IMAP COPY then EXPUNGE), by James message id, kept across restarts: a copy made before James restarts and expunged
 * after it is still a move. Bounded ({@code capacity}, the oldest forgotten first) and expiring ({@code expiry}: a
 * client expunges seconds after it copies; a copy never expunged is just a copy). An append-only file of JSON lines,
 * one per add or remove, rewritten from memory when it grew to twice the capacity, and at open.
 */
final class PendingCopies {
    /** One copy: whose, the mailbox it was added to (by name), its uid there, when (epoch ms). */
    record Copy(String user, String mailbox, String folder, long uid, long at) {
    }

    private record Line(String op, String id, Copy copy) {
    }

    private static final Logger LOGGER = LoggerFactory.getLogger(PendingCopies.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADD = "+";
    private static final String REMOVE = "-";

    private final Path file;
    private final int capacity;
    private final Duration expiry;
    private final Clock clock;
    private final Map<String, Copy> copies = new LinkedHashMap<>();
    private int linesWritten;

    private PendingCopies(Path file, int capacity, Duration expiry, Clock clock) {
        this.file = file;
        this.capacity = capacity;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** Reads what the file remembers (an unreadable line, e.g. torn by a crash, ends the replay) and compacts it. */
    static PendingCopies open(Path file, int capacity, Duration expiry, Clock clock) {
        PendingCopies pending = new PendingCopies(file, capacity, expiry, clock);
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    Line line = JSON.readValue(text, Line.class);
                    if (ADD.equals(line.op()) && line.copy() != null) {
                        pending.remember(line.id(), line.copy());
                    } else {
                        pending.copies.remove(line.id());
                    }
                }
            } catch (IOException e) {
                LOGGER.warn("havewemet: {} ends with an unreadable line; pending copies before it are kept", file, e);
            }
        }
        pending.compact();
        return pending;
    }

    synchronized void add(String messageId, Copy copy) {
        remember(messageId, copy);
        append(new Line(ADD, messageId, copy));
    }

    /** The copy of this message not yet expunged elsewhere, forgotten by this call; empty when none or expired. */
    synchronized Optional<Copy> remove(String messageId) {
        Copy copy = copies.remove(messageId);
        if (copy == null) {
            return Optional.empty();
        }
        append(new Line(REMOVE, messageId, null));
        return expired(copy) ? Optional.empty() : Optional.of(copy);
    }

    synchronized int size() {
        return copies.size();
    }

    private void remember(String messageId, Copy copy) {
        copies.remove(messageId);
        copies.put(messageId, copy);
        Iterator<Copy> oldest = copies.values().iterator();
        while (oldest.hasNext()) {
            Copy next = oldest.next();
            if (copies.size() > capacity || expired(next)) {
                oldest.remove();
            } else {
                break;
            }
        }
    }

    private boolean expired(Copy copy) {
        return clock.millis() - copy.at() > expiry.toMillis();
    }

    private void append(Line line) {
        if (linesWritten >= 2 * capacity) {
            compact();
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
            linesWritten++;
        } catch (IOException e) {
            // Kept in memory all the same: only a restart before the expunge would miss this move.
            LOGGER.warn("havewemet: cannot write pending copies to {}", file, e);
        }
    }

    /** Rewrites the file with only what is remembered now (atomically: a crash leaves the old or the new one). */
    private void compact() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, Copy> e : copies.entrySet()) {
                    out.write(JSON.writeValueAsString(new Line(ADD, e.getKey(), e.getValue())));
                    out.write('\n');
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            linesWritten = copies.size();
        } catch (IOException e) {
            LOGGER.warn("havewemet: cannot rewrite pending copies at {}", file, e);
        }
    }
}
