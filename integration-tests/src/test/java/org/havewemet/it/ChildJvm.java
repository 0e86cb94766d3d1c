package org.havewemet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * A Java program in a JVM of its own, so that a test can {@code kill -9} it like a power cut and start it again on
 * the same data: a main class of this test classpath, or a jar started with {@code java -jar}. Its console output is
 * appended to a log file, which every failure message points to. The one way the integration tests start a JVM.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);
    private static final Duration KILL_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final long startNanos;

    private ChildJvm(Process process, Path log, long startNanos) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
    }

    /** {@code java OPTIONS -cp <this test classpath> MAIN ARGS}. */
    public static Builder mainClass(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new Builder(command);
    }

    /** {@code java OPTIONS -jar JAR ARGS}, with no CLASSPATH or JAVA_TOOL_OPTIONS from the test's environment. */
    public static Builder jar(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return new Builder(command).cleanEnvironment();
    }

    /**
     * Waits until the log matches {@code marker}, and returns the match; fails at once, with the end of the log, if
     * the JVM exits first, and after {@code atMost} if it never prints it.
     */
    public Matcher awaitOutput(Pattern marker, Duration atMost) {
        Awaitility.await("output matching " + marker + " in " + log.toAbsolutePath()).atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
                if (marker.matcher(output()).find()) {
                    return true;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the JVM exited with " + process.exitValue() + " before printing "
                        + marker + "; end of " + log.toAbsolutePath() + ":\n" + outputTail(200));
                }
                return false;
            });
        Matcher match = marker.matcher(output());
        if (!match.find()) {
            throw new IllegalStateException("no " + marker + " in " + log.toAbsolutePath());
        }
        return match;
    }

    /** How long ago the JVM was started. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, nothing flushed or closed, queue items not acknowledged. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(KILL_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, so the program stops through its shutdown hooks; killed if still there after a bound. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            killHard();
        }
        return process.exitValue();
    }

    /** Appends a thread dump of the JVM to its log (diagnosis of a hang). */
    public void dumpThreads() throws IOException, InterruptedException {
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        new ProcessBuilder(jstack, Long.toString(process.pid()))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start().waitFor(KILL_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    public Path log() {
        return log;
    }

    /** Everything the JVM printed so far. */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines the JVM printed. */
    public String outputTail(int lines) {
        List<String> all = output().lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Kills the JVM if it still runs: a test that failed half-way never leaves a server behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                killHard();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A port free on 127.0.0.1 right now, for a child that must be told its ports up front. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What to start; {@link #start(Path)} starts it. */
    public static final class Builder {
        private final List<String> command;
        private final List<String> options = new ArrayList<>();
        private Path directory;
        private boolean cleanEnvironment;

        private Builder(List<String> command) {
            this.command = command;
        }

        /** JVM options, e.g. {@code -Xmx768m}. */
        public Builder options(String... jvmOptions) {
            options.addAll(List.of(jvmOptions));
            return this;
        }

        /** Short-lived servers: start fast rather than peak fast. */
        public Builder quickStart() {
            return options("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        }

        public Builder directory(Path workingDirectory) {
            this.directory = workingDirectory;
            return this;
        }

        private Builder cleanEnvironment() {
            this.cleanEnvironment = true;
            return this;
        }

        /** Starts the JVM, its output appended to {@code log}. */
        public ChildJvm start(Path log) throws IOException {
            List<String> all = new ArrayList<>();
            all.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            all.addAll(options);
            all.addAll(command);
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(all)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            if (cleanEnvironment) {
                builder.environment().remove("CLASSPATH");
                builder.environment().remove("JAVA_TOOL_OPTIONS");
            }
            return new ChildJvm(builder.start(), log, System.nanoTime());
        }
    }
}
