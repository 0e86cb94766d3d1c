package org.havewemet.it.hardening.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * {@link PersistentJamesMain} in a child JVM on the test classpath, so that the test can {@code kill -9} it and
 * start it again on the same data directory. Reads queue and repository sizes through James' WebAdmin.
 */
final class PersistentJamesProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(PersistentJamesMain.READY + " smtp=(\\d+) webadmin=(\\d+)");
    private static final Pattern SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int smtpPort;
    private int webadminPort;

    private PersistentJamesProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server and waits until it prints its ports. */
    static PersistentJamesProcess start(Path data, int outboundSmtpPort, boolean withHaveWeMet, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx768m",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // short-lived: start fast rather than peak fast
            "-cp", System.getProperty("java.class.path"), PersistentJamesMain.class.getName(),
            data.toString(), Integer.toString(outboundSmtpPort), withHaveWeMet ? "with-havewemet" : "without-havewemet"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
        PersistentJamesProcess james = new PersistentJamesProcess(process, log);
        Awaitility.await("James started, see " + log.toAbsolutePath()).atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> READY.matcher(james.output()).find() || !process.isAlive());
        Matcher ready = READY.matcher(james.output());
        if (!ready.find()) {
            throw new IllegalStateException("James exited with " + process.exitValue() + ", see " + log.toAbsolutePath());
        }
        james.smtpPort = Integer.parseInt(ready.group(1));
        james.webadminPort = Integer.parseInt(ready.group(2));
        return james;
    }

    int smtpPort() {
        return smtpPort;
    }

    /** SIGKILL: no shutdown hook, nothing flushed or closed, queue items not acknowledged. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: James stops through its shutdown hook. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killHard();
        }
    }

    /** Mails waiting in, or being processed from, a mail queue ("spool", "outgoing"). */
    long queueSize(String queue) throws IOException, InterruptedException {
        return size("/mailQueues/" + queue);
    }

    /** Entries of a mail repository, e.g. "var/delivered". */
    long repositorySize(String repository) throws IOException, InterruptedException {
        return size("/mailRepositories/" + repository.replace("/", "%2F"));
    }

    private long size(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + webadminPort + path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher size = SIZE.matcher(response.body());
        if (response.statusCode() != 200 || !size.find()) {
            throw new IOException(path + " answered " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(size.group(1));
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
