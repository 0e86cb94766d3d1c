package org.havewemet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
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

import com.google.inject.multibindings.Multibinder;

/**
 * A real James 3.8.1 memory server configured exactly like {@code ./havewemet serve} (same conf templates), on
 * random ports, relaying outbound mail to the {@link OutsideWorld}; optionally with a test-specific
 * {@code havewemet.yaml}.
 */
public final class HaveWeMetJames {
    public static final String DOMAIN = "havewemet.test";
    public static final String PASSWORD = "secret";
    /** Commits the index every second so tests that read it from disk do not wait for the 5 s default. */
    public static final String TEST_YAML = "index:\n  commitIntervalSeconds: 1\n";

    private final OutsideWorld outside;
    private final String yaml;
    private final Map<String, String> confAdditions;
    private volatile Path dataDirectory;

    public HaveWeMetJames(OutsideWorld outside) {
        this(outside, TEST_YAML);
    }

    public HaveWeMetJames(OutsideWorld outside, String yaml) {
        this(outside, yaml, Map.of());
    }

    /** {@code confAdditions}: text appended to files of {@code conf/} (created when absent) after they are written. */
    public HaveWeMetJames(OutsideWorld outside, String yaml, Map<String, String> confAdditions) {
        this.outside = outside;
        this.yaml = yaml;
        this.confAdditions = Map.copyOf(confAdditions);
    }

    /** The server as a PER_CLASS extension, with {@link HaveWeMetProbe} and any extra probes a test needs. */
    @SafeVarargs
    public final JamesServerExtension extension(Class<? extends GuiceProbe>... extraProbes) {
        return new JamesServerBuilder<MemoryJamesConfiguration>(this::configuration)
            .server(MemoryJamesServerMain::createServer)
            .extension(outside)
            .overrideServerModule(binder -> {
                Multibinder<GuiceProbe> probes = Multibinder.newSetBinder(binder, GuiceProbe.class);
                probes.addBinding().to(HaveWeMetProbe.class);
                for (Class<? extends GuiceProbe> probe : extraProbes) {
                    probes.addBinding().to(probe);
                }
            })
            .lifeCycle(JamesServerExtension.Lifecycle.PER_CLASS)
            .build();
    }

    /** The James working directory of the running server (index, ledger and templates live under var/). */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path indexDirectory() {
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
        confAdditions.forEach((file, text) -> {
            try {
                Files.writeString(data.resolve("conf").resolve(file), text, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        dataDirectory = data;
        return EmbeddedJames.configuration(data);
    }
}
