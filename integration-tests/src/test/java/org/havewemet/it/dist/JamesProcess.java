package org.havewemet.it.dist;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.awaitility.Awaitility;
import org.havewemet.it.ChildJvm;

/**
 * A James distribution started the way its documentation says, as its own JVM ({@link ChildJvm}):
 * {@code java -Dworking.directory=DIR -Dlogback.configurationFile=DIR/conf/logback.xml -jar
 * james-server-memory-app.jar} in {@code DIR}, console output going to a log file.
 */
final class JamesProcess implements AutoCloseable {
    static final String HOST = "127.0.0.1";

    private final ChildJvm jvm;

    private JamesProcess(ChildJvm jvm) {
        this.jvm = jvm;
    }

    static JamesProcess start(Path home, Path log) throws IOException {
        return new JamesProcess(ChildJvm.jar(Path.of(StockJamesDistribution.APP_JAR))
            .options("-Dworking.directory=" + home,
                "-Dlogback.configurationFile=" + home.resolve("conf").resolve("logback.xml"))
            .directory(home)
            .start(log));
    }

    /** Waits until every port accepts connections; fails at once, with the log, if James exits meanwhile. */
    Duration awaitPorts(Duration atMost, int... ports) {
        Awaitility.await("James to open ports " + Arrays.toString(ports))
            .atMost(atMost)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> {
                if (!jvm.isAlive()) {
                    throw new AssertionError("James exited before it listened; its log:\n" + logTail(200));
                }
                return Arrays.stream(ports).allMatch(JamesProcess::accepts);
            });
        return jvm.age();
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    Path log() {
        return jvm.log();
    }

    String logText() {
        return jvm.output();
    }

    String logTail(int lines) {
        return jvm.outputTail(lines);
    }

    /** Asks James to stop (SIGTERM runs its shutdown hook), then kills it if it is still there after a bound. */
    @Override
    public void close() {
        try {
            jvm.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            jvm.close();
        }
    }

    static int freePort() {
        return ChildJvm.freePort();
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
