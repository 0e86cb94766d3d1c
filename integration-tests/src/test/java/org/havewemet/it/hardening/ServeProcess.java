package org.havewemet.it.hardening;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * {@code havewemet serve} in a child JVM on the test classpath, so the test can kill it like a power cut
 * ({@code kill -9}) and start it again on the same data directory.
 */
final class ServeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    final int smtpPort;
    final int imapPort;
    final int webadminPort;

    private ServeProcess(Process process, Path log, int smtpPort, int imapPort, int webadminPort) {
        this.process = process;
        this.log = log;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webadminPort = webadminPort;
    }

    /** Starts the server and waits until it says it is running. */
    static ServeProcess start(Path data, int outboundSmtpPort, Path log) throws IOException {
        int smtp = freePort();
        int imap = freePort();
        int webadmin = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx1g",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", // a short-lived server: start fast rather than peak fast
            "-cp", System.getProperty("java.class.path"),
            "org.havewemet.app.cli.HaveWeMetCli", "serve", "--data", data.toString(),
            "--smtp-port", Integer.toString(smtp), "--imap-port", Integer.toString(imap),
            "--webadmin-port", Integer.toString(webadmin),
            "--outbound-relay", "127.0.0.1:" + outboundSmtpPort))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServeProcess serve = new ServeProcess(builder.start(), log, smtp, imap, webadmin);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
            .until(() -> serve.output().contains("havewemet is running") || !serve.process.isAlive());
        if (!serve.process.isAlive()) {
            throw new IllegalStateException("serve exited with " + serve.process.exitValue() + ":\n" + serve.output());
        }
        return serve;
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: James stops through its shutdown hook; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        return process.exitValue();
    }

    /** Appends a thread dump of the server to its log (diagnosis of a hang). */
    void dumpThreads() throws IOException, InterruptedException {
        String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
        new ProcessBuilder(jstack, Long.toString(process.pid()))
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start().waitFor(60, TimeUnit.SECONDS);
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
