package org.havewemet.mailet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Who invites many of this server's users: per inviter (see {@link BulkKeys}), the distinct users invited, when,
 * and the index records of those invitations. Only the server sees this across its users. Kept across restarts
 * in {@code var/havewemet/bulk-inviters.jsonl} (one JSON line per invitation, compacted at every start); a line
 * lost to a crash costs one count, never a mail.
 */
final class BulkInviters implements AutoCloseable {
    /** Record ids kept per inviter for re-marking already filed invitations; more are counted, not kept. */
    static final int MAX_IDS = 1_000;
    /** How often inviters that can no longer become mass inviters are dropped from memory. */
    static final int PRUNE_EVERY = 1_024;
    private static final Logger LOGGER = LoggerFactory.getLogger(BulkInviters.class);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What is known of one inviter. */
    static final class Entry {
        final String key;
        String name;
        String profileUrl;
        String headline;
        String email;
        Instant firstSeen;
        Instant lastSeen;
        int invitations;
        boolean bulk;
        final Map<String, Instant> users = new LinkedHashMap<>();
        final Set<String> ids = new LinkedHashSet<>();

        Entry(String key) {
            this.key = key;
        }
    }

    /** The line of one invitation (or of a compacted inviter) in the journal. */
    record Line(String key, String user, Long at, String id, String name, String profileUrl, String headline,
                String email, Boolean bulk, Integer invitations, Long firstSeen, Map<String, Long> users,
                List<String> ids) {
    }

    /** The outcome of recording one invitation: whether its inviter is a mass inviter now, and just became one. */
    record Observation(boolean bulk, boolean crossed, List<String> earlierIds) {
        static final Observation NONE = new Observation(false, false, List.of());
    }

    private final Path journal;
    private final Map<String, Entry> entries = new HashMap<>();
    /** Re-marks already filed invitations off the spool thread (they may still be queued for the index). */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "havewemet-bulk-inviters");
        thread.setDaemon(true);
        return thread;
    });
    private BufferedWriter out;
    private long observed;

    private BulkInviters(Path journal) {
        this.journal = journal;
    }

    static BulkInviters open(Path journal) throws IOException {
        BulkInviters inviters = new BulkInviters(journal);
        Files.createDirectories(journal.getParent());
        if (Files.exists(journal)) {
            for (String text : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                inviters.replay(text);
            }
        }
        inviters.compact();
        inviters.out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        return inviters;
    }

    private void replay(String text) {
        if (text.isBlank()) {
            return;
        }
        try {
            Line line = JSON.readValue(text, Line.class);
            Entry entry = entries.computeIfAbsent(line.key(), Entry::new);
            describe(entry, line.name(), line.profileUrl(), line.headline(), line.email());
            if (line.users() != null) {
                line.users().forEach((user, at) -> entry.users.put(user, Instant.ofEpochMilli(at)));
                entry.ids.addAll(line.ids() == null ? List.of() : line.ids());
                entry.invitations += line.invitations() == null ? 0 : line.invitations();
                entry.firstSeen = earliest(entry.firstSeen, instant(line.firstSeen()));
                entry.lastSeen = latest(entry.lastSeen, instant(line.at()));
            } else if (line.user() != null && line.at() != null) {
                seen(entry, line.user(), Instant.ofEpochMilli(line.at()), line.id());
            }
            entry.bulk |= Boolean.TRUE.equals(line.bulk());
        } catch (IOException | RuntimeException torn) {
            // The last line of a crash may be torn: that one invitation is not counted.
            LOGGER.warn("havewemet: skipping an unreadable line of {}", journal);
        }
    }

    /**
     * Records one invitation of {@code key} to {@code user}; it is a mass inviter once {@code threshold} distinct
     * users were invited within {@code window} (and stays one).
     */
    synchronized Observation observe(String key, String user, Instant at, String recordId, String name,
                                     String profileUrl, String headline, String email, int threshold,
                                     Duration window) {
        if (++observed % PRUNE_EVERY == 0) {
            forgetOlderThan(at.minus(window));
        }
        Entry entry = entries.computeIfAbsent(key, Entry::new);
        describe(entry, name, profileUrl, headline, email);
        List<String> earlier = List.copyOf(entry.ids);
        seen(entry, user, at, recordId);
        boolean crossed = false;
        if (!entry.bulk) {
            Instant since = at.minus(window);
            long recent = entry.users.values().stream().filter(t -> !t.isBefore(since)).count();
            crossed = recent >= threshold;
            entry.bulk = crossed;
        }
        append(new Line(key, user, at.toEpochMilli(), recordId, name, profileUrl, headline, email, crossed ? true : null, null,
            null, null, null));
        return new Observation(entry.bulk, crossed, crossed ? earlier : List.of());
    }

    /** Whether {@code key} is a known mass inviter, without counting anything. */
    synchronized boolean isBulk(String key) {
        Entry entry = entries.get(key);
        return entry != null && entry.bulk;
    }

    /** The mass inviters, most recently seen first. */
    synchronized List<Map<String, Object>> bulk() {
        List<Map<String, Object>> out = new ArrayList<>();
        entries.values().stream().filter(e -> e.bulk)
            .sorted(Comparator.comparing((Entry e) -> e.lastSeen).reversed())
            .forEach(e -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("inviter", e.key);
                row.put("name", e.name);
                row.put("headline", e.headline);
                row.put("profileUrl", e.profileUrl);
                row.put("users", e.users.size());
                row.put("invitations", e.invitations);
                row.put("firstSeen", e.firstSeen.toString());
                row.put("lastSeen", e.lastSeen.toString());
                out.add(row);
            });
        return out;
    }

    /** Forgets every inviter with this address or profile link (erasure of a person); returns how many. */
    synchronized int erase(String addressOrProfile) throws IOException {
        String wanted = addressOrProfile.trim().toLowerCase(Locale.ROOT);
        int before = entries.size();
        entries.values().removeIf(e -> wanted.equals(e.email) || wanted.equals(e.profileUrl) || wanted.equals(e.key));
        int removed = before - entries.size();
        if (removed > 0) {
            out.close();
            compact();
            out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        return removed;
    }

    /** Drops inviters last seen before {@code cutoff} that are no mass inviters: they can no longer become one. */
    synchronized void forgetOlderThan(Instant cutoff) {
        entries.values().removeIf(e -> !e.bulk && e.lastSeen.isBefore(cutoff));
    }

    /** How many inviters are remembered. */
    synchronized int size() {
        return entries.size();
    }

    private static void seen(Entry entry, String user, Instant at, String id) {
        entry.users.merge(user, at, BulkInviters::latest);
        if (id != null && entry.ids.size() < MAX_IDS) {
            entry.ids.add(id);
        }
        entry.invitations++;
        entry.firstSeen = earliest(entry.firstSeen, at);
        entry.lastSeen = latest(entry.lastSeen, at);
    }

    private static void describe(Entry entry, String name, String profileUrl, String headline, String email) {
        entry.name = Optional.ofNullable(name).orElse(entry.name);
        entry.profileUrl = Optional.ofNullable(profileUrl).orElse(entry.profileUrl);
        entry.headline = Optional.ofNullable(headline).orElse(entry.headline);
        entry.email = Optional.ofNullable(email).orElse(entry.email);
    }

    private void append(Line line) {
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            LOGGER.warn("havewemet: cannot append to {}; this count is kept in memory only", journal, e);
        }
    }

    /** Rewrites the journal as one line per inviter (atomically: a crash leaves the old or the new file). */
    private void compact() throws IOException {
        Path tmp = journal.resolveSibling(journal.getFileName() + ".tmp");
        try (BufferedWriter writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Entry e : entries.values()) {
                Map<String, Long> users = new LinkedHashMap<>();
                e.users.forEach((user, at) -> users.put(user, at.toEpochMilli()));
                writer.write(JSON.writeValueAsString(new Line(e.key, null, e.lastSeen.toEpochMilli(), null, e.name,
                    e.profileUrl, e.headline, e.email, e.bulk ? true : null, e.invitations,
                    e.firstSeen.toEpochMilli(), users, List.copyOf(e.ids))));
                writer.newLine();
            }
        }
        Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Runs {@code job} in the background, after the mail being processed; failures are logged. */
    void later(Runnable job) {
        background.execute(() -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                LOGGER.warn("havewemet: could not mark the earlier invitations of a mass inviter", e);
            }
        });
    }

    @Override
    public synchronized void close() throws IOException {
        background.shutdown();
        if (out != null) {
            out.close();
        }
    }
}
