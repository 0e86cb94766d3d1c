package org.havewemet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.Optional;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JDK Flight Recorder recording of exactly one measured SMTP push (not the server start, not the warm-up), when
 * {@code -Dhavewemet.bench.jfr=DIR} is set ({@code bench/run --jfr DIR}). JFR's "profile" settings, with every wait
 * event (park, monitor enter and wait, socket and file I/O, sleep) kept from 1 ms and every fsync kept, so that the
 * waits of the spool threads can be summed with {@code jfr print --events ...}.
 */
@SuppressForbidden(reason = "JFR (jdk.jfr) exists only in OpenJDK-based JVMs: fine for a profiling option of the"
    + " benchmark, which runs on the JDK that builds it")
final class PushRecording implements AutoCloseable {
    static final String PROPERTY = "havewemet.bench.jfr";
    private static final String[] WAITS = {"jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
        "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite", "jdk.ThreadSleep"};

    private final Recording recording;
    private final Path file;

    private PushRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts a recording named {@code name}.jfr in the directory of the property, or nothing when it is unset. */
    static Optional<PushRecording> start(String name) throws IOException {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path directory = Files.createDirectories(Path.of(dir));
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (ParseException e) {
            throw new IOException("the JDK's JFR profile settings cannot be read", e);
        }
        for (String event : WAITS) {
            recording.enable(event).withThreshold(Duration.ofMillis(1)).withStackTrace();
        }
        recording.enable("jdk.FileForce").withThreshold(Duration.ZERO).withStackTrace();
        recording.setName(name);
        recording.start();
        return Optional.of(new PushRecording(recording, directory.resolve(name + ".jfr")));
    }

    /** Stops the recording and writes it out. */
    @Override
    public void close() throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
        System.out.println("JFR recording of the measured push: " + file.toAbsolutePath());
    }
}
