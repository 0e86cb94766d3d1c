package org.havewemet.it.hardening;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.havewemet.app.cli.HaveWeMetCli;
import org.havewemet.it.ChildJvm;

/**
 * {@code havewemet serve} in a {@link ChildJvm} on free ports, relaying its outgoing mail to the given SMTP port, so
 * the test can kill it like a power cut ({@code kill -9}) and start it again on the same data directory.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern RUNNING = Pattern.compile("havewemet is running");

    private final ChildJvm jvm;
    final int smtpPort;
    final int imapPort;
    final int webadminPort;

    private ServeProcess(ChildJvm jvm, int smtpPort, int imapPort, int webadminPort) {
        this.jvm = jvm;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.webadminPort = webadminPort;
    }

    /** Starts the server and waits until it says it is running. */
    static ServeProcess start(Path data, int outboundSmtpPort, Path log) throws IOException {
        int smtp = ChildJvm.freePort();
        int imap = ChildJvm.freePort();
        int webadmin = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.mainClass(HaveWeMetCli.class.getName(), "serve", "--data", data.toString(),
                "--smtp-port", Integer.toString(smtp), "--imap-port", Integer.toString(imap),
                "--webadmin-port", Integer.toString(webadmin), "--outbound-relay", "127.0.0.1:" + outboundSmtpPort)
            .options("-Xmx1g").quickStart()
            .start(log);
        jvm.awaitOutput(RUNNING, Duration.ofSeconds(120));
        return new ServeProcess(jvm, smtp, imap, webadmin);
    }

    /** SIGKILL: no shutdown hook, no flush, no close. */
    void killHard() throws InterruptedException {
        jvm.killHard();
    }

    /** SIGTERM: James stops through its shutdown hook; returns the exit code. */
    int stop() throws InterruptedException {
        return jvm.stop();
    }

    /** Appends a thread dump of the server to its log (diagnosis of a hang). */
    void dumpThreads() throws IOException, InterruptedException {
        jvm.dumpThreads();
    }

    String output() {
        return jvm.output();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
