package org.havewemet.it.hardening.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.havewemet.it.ChildJvm;

/**
 * {@link PersistentJamesMain} in a {@link ChildJvm}, so that the test can {@code kill -9} it and start it again on
 * the same data directory; reads queue and repository sizes through James' WebAdmin.
 */
final class CrashableJames implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(PersistentJamesMain.READY + " smtp=(\\d+) webadmin=(\\d+)");
    private static final Pattern SIZE = Pattern.compile("\"size\"\\s*:\\s*(\\d+)");

    private final ChildJvm jvm;
    private final int smtpPort;
    private final int webadminPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CrashableJames(ChildJvm jvm, int smtpPort, int webadminPort) {
        this.jvm = jvm;
        this.smtpPort = smtpPort;
        this.webadminPort = webadminPort;
    }

    /** Starts the server and waits until it prints its ports. */
    static CrashableJames start(Path data, int outboundSmtpPort, boolean withHaveWeMet, Path log) throws IOException {
        ChildJvm jvm = ChildJvm.mainClass(PersistentJamesMain.class.getName(), data.toString(),
                Integer.toString(outboundSmtpPort), withHaveWeMet ? "with-havewemet" : "without-havewemet")
            .options("-Xmx768m").quickStart()
            .start(log);
        Matcher ready = jvm.awaitOutput(READY, Duration.ofSeconds(90));
        return new CrashableJames(jvm, Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)));
    }

    int smtpPort() {
        return smtpPort;
    }

    /** SIGKILL: no shutdown hook, nothing flushed or closed, queue items not acknowledged. */
    void killHard() throws InterruptedException {
        jvm.killHard();
    }

    /** SIGTERM: James stops through its shutdown hook. */
    void stop() throws InterruptedException {
        jvm.stop();
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

    @Override
    public void close() {
        jvm.close();
    }
}
