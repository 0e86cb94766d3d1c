package org.havewemet.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real OpenSearch node per build, shared by every test class and module that asks for it. The first test to
 * need it starts {@code .ci/opensearch-node} (which runs the node as a system user when we are root, and stops it
 * when the Maven build that started it ends) and writes its port to {@code target/opensearch-node/node.properties}
 * under the repository root; later tests in the same build find the file and reuse the node. When the node cannot
 * start the test fails with the node's own log: never skipped.
 *
 * <p>Each test gets {@link #storage} with an index prefix of its own, so tests sharing the node never see each
 * other's documents.
 */
public final class OpenSearchNode implements BeforeAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static URI uri;

    @Override
    public void beforeAll(ExtensionContext context) {
        uri();
    }

    /** The node's HTTP address, starting it if no node of this build runs yet. */
    public static synchronized URI uri() {
        if (uri == null) {
            uri = startOrReuse();
        }
        return uri;
    }

    /** A connection to the shared node under a fresh index prefix. */
    public static OpenSearchStorage storage() {
        return OpenSearchStorage.connect(List.of(uri()), "t" + UUID.randomUUID().toString().substring(0, 8) + "-",
                Optional.empty());
    }

    /** Deletes every document of these indices (of the storage's prefix), where a test made them. */
    public static void emptyIndices(OpenSearchStorage storage, String... names) {
        for (String name : names) {
            if (storage.send("HEAD", "/" + storage.index(name), (String) null, Map.of()).status() == 200) {
                new Documents(storage, name).deleteWhere(OpenSearchStorage.JSON.createArrayNode());
            }
        }
    }

    private static URI startOrReuse() {
        Path root = buildRoot();
        Path state = root.resolve("target/opensearch-node");
        long owner = ProcessHandle.current().parent().map(ProcessHandle::pid)
                .orElse(ProcessHandle.current().pid());
        try {
            Files.createDirectories(state);
            // modules' test JVMs may ask at once (a parallel build): one starts the node, the others wait for it
            try (FileChannel lockFile = FileChannel.open(state.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    Optional<URI> running = running(state.resolve("node.properties"), owner);
                    return running.isPresent() ? running.get() : start(root, state, owner);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test OpenSearch node under " + state, e);
        }
    }

    private static Optional<URI> running(Path file, long owner) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (var in = Files.newInputStream(file)) {
            props.load(in);
        }
        URI found = URI.create(props.getProperty("uri"));
        boolean sameBuild = Long.toString(owner).equals(props.getProperty("owner"));
        return sameBuild && healthy(found) ? Optional.of(found) : Optional.empty();
    }

    private static URI start(Path root, Path state, long owner) throws IOException {
        Path home = Path.of(required("havewemet.opensearch.home",
                "the unpacked OpenSearch distribution (the opensearch module's pom unpacks it into target/)"));
        if (!Files.isExecutable(home.resolve("bin/opensearch"))) {
            throw new IllegalStateException("no OpenSearch distribution at " + home
                    + ": run the build through Maven (dependency:unpack in opensearch/pom.xml puts it there)");
        }
        Path run = state.resolve("run-" + System.currentTimeMillis());
        Files.createDirectories(run);
        int httpPort = freePort();
        int transportPort = freePort();
        URI node = URI.create("http://127.0.0.1:" + httpPort);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(root.resolve(".ci/opensearch-node").toString(), home.toString(),
                run.toString(), Integer.toString(httpPort), Integer.toString(transportPort), Long.toString(owner))
                .redirectErrorStream(true).redirectOutput(run.resolve("launcher.log").toFile()).start();
        try {
            Awaitility.await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> !process.isAlive() || healthy(node));
        } catch (ConditionTimeoutException e) {
            process.destroy();
        }
        if (!healthy(node)) {
            throw new IllegalStateException("the test OpenSearch node did not start within " + START_TIMEOUT
                    + " (" + (process.isAlive() ? "still starting" : "launcher exited") + "):\n"
                    + tail(run.resolve("launcher.log")) + "\n" + tail(run.resolve("stdout.log")));
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Properties props = new Properties();
        props.setProperty("uri", node.toString());
        props.setProperty("owner", Long.toString(owner));
        props.setProperty("startMillis", Long.toString(millis));
        props.setProperty("run", run.toString());
        try (var out = Files.newOutputStream(state.resolve("node.properties"))) {
            props.store(out, "the OpenSearch node of the build with pid 'owner'");
        }
        Files.writeString(state.resolve("start-times.txt"), node + " started in " + millis + " ms\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return node;
    }

    /** Green or yellow cluster health: the node takes index requests. */
    static boolean healthy(URI node) {
        try {
            HttpURLConnection http = (HttpURLConnection) node.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s")
                    .toURL().openConnection();
            http.setConnectTimeout(500);
            http.setReadTimeout(5_000);
            try {
                return http.getResponseCode() == 200;
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static Path buildRoot() {
        String configured = System.getProperty("havewemet.build.root");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isExecutable(d.resolve(".ci/opensearch-node"))) {
                return d;
            }
        }
        throw new IllegalStateException("no .ci/opensearch-node above " + dir);
    }

    private static String required(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " (" + what + ") is not set");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of("(no " + log + ")");
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable " + log + ": " + e + ")";
        }
    }
}
