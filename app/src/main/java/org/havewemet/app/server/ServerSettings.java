package org.havewemet.app.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that shapes the embedded James configuration. Port 0 asks the OS for a free port (tests).
 *
 * @param bindHost       the address every listener binds to (127.0.0.1 for the demo)
 * @param outboundRelay  smarthost that receives all remote mail (our replies) instead of DNS/MX delivery
 * @param relayDelayTime RemoteDelivery retry delays, e.g. "5000, 100000, 500000"
 */
public record ServerSettings(Path dataDirectory,
                             String bindHost,
                             int smtpPort,
                             int imapPort,
                             int webadminPort,
                             Optional<HostAndPort> outboundRelay,
                             String domain,
                             int spoolThreads,
                             String relayDelayTime) {

    public static final String DEFAULT_DOMAIN = "havewemet.test";

    public ServerSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(outboundRelay, "outboundRelay");
        checkPort("smtpPort", smtpPort);
        checkPort("imapPort", imapPort);
        checkPort("webadminPort", webadminPort);
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + ": expected a port between 0 and 65535, found " + port);
        }
    }

    public static ServerSettings demo(Path dataDirectory) {
        return new ServerSettings(dataDirectory, "127.0.0.1", 2525, 1143, 8000, Optional.empty(), DEFAULT_DOMAIN,
            4, "5000, 100000, 500000");
    }

    public ServerSettings withPorts(int smtp, int imap, int webadmin) {
        return new ServerSettings(dataDirectory, bindHost, smtp, imap, webadmin, outboundRelay, domain, spoolThreads,
            relayDelayTime);
    }

    public ServerSettings withOutboundRelay(Optional<HostAndPort> relay) {
        return new ServerSettings(dataDirectory, bindHost, smtpPort, imapPort, webadminPort, relay, domain,
            spoolThreads, relayDelayTime);
    }

    public ServerSettings withRelayDelayTime(String delays) {
        return new ServerSettings(dataDirectory, bindHost, smtpPort, imapPort, webadminPort, outboundRelay, domain,
            spoolThreads, delays);
    }

    /** A HOST:PORT pair as given on the command line. */
    public record HostAndPort(String host, int port) {
        public HostAndPort {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("expected HOST:PORT, found an empty host");
            }
            checkPort("port", port);
        }

        public static HostAndPort parse(String value) {
            int colon = value == null ? -1 : value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException("expected HOST:PORT, found \"" + value + "\"");
            }
            try {
                return new HostAndPort(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected HOST:PORT with a numeric port, found \"" + value + "\"");
            }
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }
}
