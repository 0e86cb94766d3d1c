package org.havewemet.it.hardening.crash;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;

/**
 * The server of the crash test, run in a child JVM: James 3.8.1's memory server configured like {@code havewemet
 * serve} (same conf files, same mailets), but with persistent mail queues ({@link PersistentQueueModule}) and
 * delivered mail stored as files ({@link PersistentConf}). Prints one line with its ports once started.
 *
 * <p>Arguments: DATA_DIR OUTBOUND_SMTP_PORT with-havewemet|without-havewemet
 */
public final class PersistentJamesMain {
    static final String USER = "demo@havewemet.test";
    static final String READY = "persistent-james running";

    private PersistentJamesMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        int outbound = Integer.parseInt(args[1]);
        boolean withHaveWeMet = "with-havewemet".equals(args[2]);

        ServerSettings settings = ServerSettings.demo(data).withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(new ServerSettings.HostAndPort("127.0.0.1", outbound)));
        new JamesConfWriter(true).write(settings);
        PersistentConf.rewrite(data, USER, withHaveWeMet);

        GuiceJamesServer server = MemoryJamesServerMain.createServer(EmbeddedJames.configuration(data))
            .overrideWith(new PersistentQueueModule());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "persistent-james-shutdown"));
        server.start();
        System.out.printf(Locale.ROOT, "%s smtp=%d webadmin=%d%n", READY,
            server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue(),
            server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue());
        System.out.flush();
        stopped.await();
    }
}
