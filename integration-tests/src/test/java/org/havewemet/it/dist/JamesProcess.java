package org.havewemet.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * A James distribution started the way its documentation says, as its own JVM:
 * {@code java -Dworking.directory=DIR -Dlogback.configurationFile=DIR/conf/logback.xml -jar
 * james-server-memory-app.jar} in {@code DIR}, console output going to a log file.
 */
final class JamesProcess implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;
    private final long startNanos;

    private JamesProcess(Process process, Path log, long startNanos) {
        this.process = process;
        this.log = log;
        this.startNanos = startNanos;
    }

    static JamesProcess start(Path home, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(),
            "-Dworking.directory=" + home,
            "-Dlogback.configurationFile=" + home.resolve("conf").resolve("logback.xml"),
            "-jar", StockJamesDistribution.APP_JAR);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        return new JamesProcess(builder.start(), log, System.nanoTime());
    }

    /** Waits until every port accepts connections; fails at once, with the log, if James exits meanwhile. */
    Duration awaitPorts(Duration atMost, int... ports) {
        Awaitility.await("James to open ports " + java.util.Arrays.toString(ports))
            .atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("James exited with code " + process.exitValue() + " before it"
                        + " listened; its log:\n" + logTail(200));
                }
                return java.util.Arrays.stream(ports).allMatch(JamesProcess::accepts);
            });
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail(int lines) {
        List<String> all = logText().lines().collect(Collectors.toList());
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Asks James to stop (SIGTERM runs its shutdown hook), then kills it if it is still there after a bound. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
