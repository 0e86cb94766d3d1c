package org.havewemet.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./havewemet serve}: an embedded James 3.8.1 with havewemet, on 127.0.0.1, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Start an embedded Apache James 3.8.1 server with havewemet in its mail processing.",
        "Listens on 127.0.0.1 only. Everything is kept under the data directory and survives a restart:",
        "mailboxes, users, the mail queue and mail repositories (James' own, in var/store and var/mail) and",
        "havewemet's index, reply ledger and templates (var/havewemet)."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--smtp-port", defaultValue = "2525", description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--imap-port", defaultValue = "1143", description = "IMAP port (default: ${DEFAULT-VALUE}).")
    int imapPort;

    @Option(names = "--webadmin-port", defaultValue = "8000",
        description = "James WebAdmin port, also serving /havewemet/ (default: ${DEFAULT-VALUE}).")
    int webadminPort;

    @Option(names = "--user-web-port", paramLabel = "PORT",
        description = "Serve each user's own invitations page and JSON API on this port of 127.0.0.1 "
            + "(sign in with the mail address and password); off unless given or set by userweb.port.")
    Integer userWebPort;

    @Option(names = "--data", defaultValue = "havewemet-data", paramLabel = "DIR",
        description = "Data directory: conf/, mailboxes, mail queue, the index, the ledger, templates "
            + "(default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--outbound-relay", paramLabel = "HOST:PORT",
        description = "Send all remote mail (our replies) to this smarthost instead of DNS/MX delivery.")
    String outboundRelay;

    @Option(names = "--user", defaultValue = "demo@havewemet.test",
        description = "Demo user created on start (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", defaultValue = "demo", description = "Password of the demo user (default: ${DEFAULT-VALUE}).")
    String password;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<HostAndPort> relay;
        try {
            relay = Optional.ofNullable(outboundRelay).map(HostAndPort::parse);
            if (userWebPort != null && (userWebPort < 1 || userWebPort > 65535)) {
                throw new IllegalArgumentException("--user-web-port: expected a port between 1 and 65535, found "
                    + userWebPort);
            }
            if (!user.contains("@")) {
                throw new IllegalArgumentException("--user: expected an address such as demo@havewemet.test, found \"" + user + "\"");
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ServerSettings settings = ServerSettings.demo(data.toAbsolutePath())
            .withPorts(smtpPort, imapPort, webadminPort)
            .withOutboundRelay(relay);

        EmbeddedJames created = EmbeddedJames.create(settings, true);
        EmbeddedJames james = userWebPort == null ? created : created.withUserWeb(userWebPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping James...");
            out.flush();
            james.close();
            stopped.countDown();
        }, "havewemet-shutdown"));
        james.start();
        james.ensureUser(user, password);
        printHowTo(out, james, settings);
        stopped.await();
        return 0;
    }

    private void printHowTo(PrintWriter out, EmbeddedJames james, ServerSettings settings) {
        out.printf(Locale.ROOT, "havewemet is running (Apache James 3.8.1), data in %s%n", settings.dataDirectory());
        out.printf(Locale.ROOT, "  SMTP     127.0.0.1:%d   IMAP 127.0.0.1:%d   WebAdmin http://127.0.0.1:%d/havewemet/%n",
            james.smtpPort(), james.imapPort(), james.webadminPort());
        if (userWebPort != null) {
            out.printf(Locale.ROOT, "  Your invitations  http://127.0.0.1:%d/ (sign in as the user below)%n", userWebPort);
        }
        out.printf(Locale.ROOT, "  user     %s / %s%n", user, password);
        out.printf(Locale.ROOT, "  outbound %s%n", settings.outboundRelay().map(r -> "relay " + r).orElse("DNS/MX delivery"));
        out.printf(Locale.ROOT, "Send a test invitation:  curl -s smtp://127.0.0.1:%d --mail-from inviter@example.com "
            + "--mail-rcpt %s -T some-invitation.eml%n", james.smtpPort(), user);
        out.printf(Locale.ROOT, "Read it over IMAP:       curl -s --user %s:%s 'imap://127.0.0.1:%d/Invitations.Unexplained' "
            + "-X 'FETCH 1:* (FLAGS BODY[HEADER.FIELDS (FROM SUBJECT X-HAVEWEMET-VERDICT)])'%n", user, password, james.imapPort());
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
