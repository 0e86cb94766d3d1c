package org.havewemet.it.userweb;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import org.havewemet.app.cli.HaveWeMetCli;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.it.HaveWeMetJames;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo server's users' page ({@code ./havewemet serve --user-web-port N}): on with the flag although
 * havewemet.yaml leaves {@code userweb.port} off, the demo user signs in with their IMAP password, and the listener
 * closes when James stops.
 */
class ServeUserWebIT {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;

    @TempDir
    Path data;

    @Test
    void userWebPortShouldServeThePageAndTheApiOfTheDemoServer() throws Exception {
        int port = UserWeb.freePort();
        ServerSettings settings = ServerSettings.demo(data.toAbsolutePath()).withPorts(0, 0, 0);
        try (EmbeddedJames james = EmbeddedJames.create(settings, true).withUserWeb(port).start()) {
            james.ensureUser(USER, HaveWeMetJames.PASSWORD);
            assertThat(UserWeb.given(port).get("/").asString()).contains("<title>havewemet: your invitations</title>");
            UserWeb.Client demo = UserWeb.signIn(port, USER);
            assertThat(demo.request().get("/api/invitations").jsonPath().getInt("total")).isZero();
            assertThat(UserWeb.signInResponse(port, USER, "not-the-password").statusCode()).isEqualTo(401);
        }
        // Stopped with James (the startable's @PreDestroy): the port is closed again.
        UserWeb.AWAIT.untilAsserted(() -> assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
            .isInstanceOf(ConnectException.class));
    }

    @Test
    void serveShouldRefuseAUserWebPortOutOfRange() {
        StringWriter err = new StringWriter();
        CommandLine cli = HaveWeMetCli.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));

        int exit = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> cli.execute("serve",
            "--data", data.toString(), "--smtp-port", "0", "--imap-port", "0", "--webadmin-port", "0",
            "--user-web-port", "70000"));

        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(err.toString()).contains("--user-web-port").contains("70000");
    }
}
