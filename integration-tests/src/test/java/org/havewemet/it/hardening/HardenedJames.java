package org.havewemet.it.hardening;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.james.JamesServerBuilder;
import org.apache.james.JamesServerExtension;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.utils.GuiceProbe;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.JamesConfWriter;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.OutsideWorld;

import com.google.inject.multibindings.Multibinder;

/**
 * The real James 3.8.1 memory server configured like {@code ./havewemet serve}, plus the {@link MailboxCensusProbe}
 * that lets hardening tests count every delivered message across all folders without going through IMAP.
 */
final class HardenedJames {
    static final String DOMAIN = "havewemet.test";
    static final String USER = "demo@" + DOMAIN;
    static final String PASSWORD = "secret";
    /** Fast index commits, and rate limits high enough that every deserved reply really goes out. */
    static final String BASE_YAML = "index:\n  commitIntervalSeconds: 1\n"
        + "replies:\n  ratePerHour: 100000\n  globalRatePerHour: 1000000\n";

    private final OutsideWorld outside;
    private final String yaml;
    private volatile Path dataDirectory;

    HardenedJames(OutsideWorld outside, String extraYaml) {
        this.outside = outside;
        this.yaml = BASE_YAML + extraYaml;
    }

    JamesServerExtension extension() {
        return new JamesServerBuilder<MemoryJamesConfiguration>(this::configuration)
            .server(MemoryJamesServerMain::createServer)
            .extension(outside)
            .overrideServerModule(binder -> {
                Multibinder<GuiceProbe> probes = Multibinder.newSetBinder(binder, GuiceProbe.class);
                probes.addBinding().to(HaveWeMetProbe.class);
                probes.addBinding().to(MailboxCensusProbe.class);
            })
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    Path indexDirectory() {
        return dataDirectory.resolve("var/havewemet/index");
    }

    private MemoryJamesConfiguration configuration(File tmpDir) {
        Path data = tmpDir.toPath();
        try {
            Files.createDirectories(data.resolve("conf"));
            Files.writeString(data.resolve("conf").resolve(JamesConfWriter.HAVEWEMET_YAML), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerSettings settings = ServerSettings.demo(data)
            .withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(new HostAndPort("127.0.0.1", outside.smtpPort())))
            .withRelayDelayTime("200, 1000, 2000");
        new JamesConfWriter(true).write(settings);
        dataDirectory = data;
        return EmbeddedJames.configuration(data);
    }
}
