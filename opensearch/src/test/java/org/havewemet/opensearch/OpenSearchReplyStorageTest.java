package org.havewemet.opensearch;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.havewemet.config.ConfigLoader;
import org.havewemet.config.StorageConfig;
import org.havewemet.reply.RateLimits;
import org.havewemet.reply.ReplyStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code storage.backend: opensearch} as the mailet opens it: by configuration, through the service loader. */
@ExtendWith(OpenSearchNode.class)
class OpenSearchReplyStorageTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path data;

    private static StorageConfig openSearchAt(String host, String prefix) throws Exception {
        return ConfigLoader.loadFromString("storage:\n  backend: opensearch\n  opensearch:\n    hosts: [" + host
                + "]\n    indexPrefix: " + prefix + "\n", "havewemet.yaml").storage();
    }

    @Test
    void openShouldShareTheLedgerBetweenNodesWhenTheBackendIsOpenSearch() throws Exception {
        StorageConfig config = openSearchAt(OpenSearchNode.uri().toString(), "p" + UUID.randomUUID().toString()
                .substring(0, 8) + "-");
        try (ReplyStorage node1 = ReplyStorage.open(config, data.resolve("node1"));
             ReplyStorage node2 = ReplyStorage.open(config, data.resolve("node2"))) {
            assertThat(node1).isInstanceOf(OpenSearchReplyStorage.class);
            assertThat(node1.ledger().tryReserve("alice@example.org", "bob@x.test", T0, Duration.ofDays(30)))
                    .isTrue();
            assertThat(node2.ledger().tryReserve("alice@example.org", "bob@x.test", T0, Duration.ofDays(30)))
                    .isFalse();
            RateLimits limits1 = node1.rateLimits(Clock.fixed(T0, ZoneOffset.UTC), 1, 10);
            RateLimits limits2 = node2.rateLimits(Clock.fixed(T0, ZoneOffset.UTC), 1, 10);
            assertThat(limits1.tryAcquire("alice@example.org")).isEqualTo(RateLimits.Outcome.ALLOWED);
            assertThat(limits2.tryAcquire("alice@example.org")).isEqualTo(RateLimits.Outcome.USER_LIMIT);
        } finally {
            try (OpenSearchStorage cleanup = OpenSearchStorage.connect(List.of(OpenSearchNode.uri()),
                    config.opensearch().indexPrefix(), Optional.empty())) {
                cleanup.deleteAllIndices();
            }
        }
    }

    @Test
    void openShouldStartButReserveNothingWhenOpenSearchIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ReplyStorage down = ReplyStorage.open(openSearchAt("http://127.0.0.1:" + closedPort, "down-"),
                data)) {
            assertThatThrownBy(() -> down.ledger().tryReserve("alice@example.org", "bob@x.test", T0,
                    Duration.ofDays(30))).isInstanceOf(UncheckedIOException.class).hasMessageContaining("unreachable");
        }
    }

    @Test
    void openShouldUseTheJournalWhenTheBackendIsEmbedded() throws Exception {
        try (ReplyStorage embedded = ReplyStorage.open(ConfigLoader.loadFromString("", "x").storage(), data)) {
            assertThat(embedded.ledger().tryReserve("alice@example.org", "bob@x.test", T0, Duration.ofDays(1)))
                    .isTrue();
        }
        assertThat(data.resolve("var/havewemet/ledger")).isDirectory();
    }
}
