package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * The deterministic message set every benchmark runs on: the project's own test fixtures
 * ({@code triage/src/test/resources/fixtures/*.eml} and {@code integration-tests/src/test/resources/mails/*.eml}),
 * read from the repository at run time, sorted by path. Nothing is copied into the bench module, so the set
 * grows with the fixtures.
 */
public final class BenchMessages {
    static final String ENVELOPE_SENDER = "notifications@bounce.linkedin.com";
    static final String RECIPIENT = "alice@example.org";
    private static final Session SESSION = Session.getInstance(new Properties());

    private final List<Path> files;
    private final List<byte[]> raw;

    private BenchMessages(List<Path> files, List<byte[]> raw) {
        this.files = files;
        this.raw = raw;
    }

    /** Loads the fixtures below the repository root; fails clearly when the root is wrong or has none. */
    public static BenchMessages load(Path repoRoot) {
        List<Path> found = new ArrayList<>();
        for (String dir : List.of("triage/src/test/resources/fixtures", "integration-tests/src/test/resources/mails")) {
            Path d = repoRoot.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no *.eml fixtures under " + repoRoot.toAbsolutePath()
                    + " (set -Dhavewemet.repo=/path/to/havewemet)");
        }
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : found) {
            try {
                bytes.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new BenchMessages(List.copyOf(found), List.copyOf(bytes));
    }

    /** The repository root: {@code -Dhavewemet.repo}, else the first parent of the working directory holding mailet/. */
    public static Path repoRoot() {
        String configured = System.getProperty("havewemet.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("triage/src/test/resources/fixtures"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the havewemet repository above " + Path.of("").toAbsolutePath()
                + "; set -Dhavewemet.repo=/path/to/havewemet");
    }

    public int size() {
        return raw.size();
    }

    public List<Path> files() {
        return files;
    }

    public byte[] raw(int i) {
        return raw.get(i);
    }

    public long totalBytes() {
        return raw.stream().mapToLong(b -> b.length).sum();
    }

    /** A fresh MimeMessage parsed from the stored bytes, as James hands one to a mailet after reading the spool. */
    /** A raw message parsed the same way as {@link #parse}. */
    public static MimeMessage parseRaw(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public MimeMessage parse(int i) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw.get(i)));
        } catch (MessagingException e) {
            throw new IllegalStateException("unparseable fixture " + files.get(i), e);
        }
    }
}
