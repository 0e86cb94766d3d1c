package org.havewemet.it.replies;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.havewemet.app.cli.HaveWeMetCli;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

/**
 * {@code ./havewemet serve --outbound-relay HOST:PORT} carries the replies to that relay. {@code serve} blocks until
 * the JVM shuts down (it stops James from a shutdown hook), so it cannot be stopped cleanly inside a test JVM: the
 * server is built here exactly as {@code ServeCommand} builds it, from the option's text parsed by
 * {@link HostAndPort#parse}; the command itself is run only for a relay value it must refuse before starting.
 */
class OutboundRelayIT {
    private final OutsideWorld relay = new OutsideWorld();

    @TempDir
    Path data;

    @AfterEach
    void stopRelay() {
        relay.afterAll(null);
    }

    @Test
    void serveWithOutboundRelayShouldCarryRepliesToThatRelay() throws Exception {
        String option = "127.0.0.1:" + relay.smtpPort();
        ServerSettings settings = ServerSettings.demo(data.toAbsolutePath())
            .withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(HostAndPort.parse(option)));

        try (EmbeddedJames james = EmbeddedJames.create(settings, true).start()) {
            james.ensureUser(USER, HaveWeMetJames.PASSWORD);
            ReplyIt.send(james.smtpPort(), "via.relay@example.org", USER,
                ReplyIt.directRequest("via.relay@example.org", "<or-1@mail.example.org>"));

            MimeMessage reply = ReplyIt.awaitReplies(relay, "via.relay@example.org", 1).get(0);
            assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<or-1@mail.example.org>");
            assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        }
    }

    @Test
    void serveShouldRefuseAnOutboundRelayWithoutAPort() {
        StringWriter err = new StringWriter();
        CommandLine cli = HaveWeMetCli.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cli.execute("serve",
            "--data", data.toString(), "--smtp-port", "0", "--imap-port", "0", "--webadmin-port", "0",
            "--outbound-relay", "relay.example.org"));

        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err.toString()).contains("HOST:PORT");
    }
}
