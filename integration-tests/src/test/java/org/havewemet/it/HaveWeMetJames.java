package org.havewemet.it;

import java.io.File;
import java.util.Optional;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;

/**
 * A real James 3.8.1 memory server configured exactly like {@code ./havewemet serve} (same conf templates), on
 * random ports, relaying outbound mail to the {@link OutsideWorld}.
 */
public final class HaveWeMetJames {
    public static final String DOMAIN = "havewemet.test";
    public static final String PASSWORD = "secret";

    private HaveWeMetJames() {
    }

    public static JamesServerExtension extension(OutsideWorld outside) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(tmpDir -> configuration(tmpDir, outside))
            .server(MemoryJamesServerMain::createServer)
            .extension(outside)
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    static MemoryJamesConfiguration configuration(File dataDirectory, OutsideWorld outside) {
        ServerSettings settings = ServerSettings.demo(dataDirectory.toPath())
            .withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(new HostAndPort("127.0.0.1", outside.smtpPort())))
            .withRelayDelayTime("200, 1000, 2000");
        new JamesConfWriter(true).write(settings);
        return EmbeddedJames.configuration(dataDirectory.toPath());
    }
}
