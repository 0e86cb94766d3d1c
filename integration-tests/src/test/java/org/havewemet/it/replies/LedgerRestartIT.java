package org.havewemet.it.replies;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

/**
 * The once-per-period rule lives in the ledger on disk: a server restarted on the same data directory still knows
 * it already asked this inviter, so a second request brings no second reply.
 */
class LedgerRestartIT {
    private static final String INVITER = "rita.restart@example.org";

    private final OutsideWorld outside = new OutsideWorld();

    @TempDir
    Path data;

    @AfterEach
    void stopOutside() {
        outside.afterAll(null);
    }

    @Test
    void onceAPeriodRuleShouldSurviveAServerRestart() throws Exception {
        ServerSettings settings = ServerSettings.demo(data)
            .withPorts(0, 0, 0)
            .withOutboundRelay(Optional.of(new HostAndPort("127.0.0.1", outside.smtpPort())))
            .withRelayDelayTime("200, 1000, 2000");

        try (EmbeddedJames first = startWithUser(settings)) {
            ReplyIt.send(first.smtpPort(), INVITER, USER, ReplyIt.directRequest(INVITER, "<lr-1@mail.example.org>"));
            ReplyIt.awaitReplies(outside, INVITER, 1);
        }

        try (EmbeddedJames second = startWithUser(settings)) {
            ReplyIt.send(second.smtpPort(), INVITER, USER, ReplyIt.directRequest(INVITER, "<lr-2@mail.example.org>"));
            ReplyIt.awaitDelivered(second.imapPort(), USER, "<lr-2@mail.example.org>");
            ReplyIt.await().during(ReplyIt.QUIET).until(() -> outside.receivedBy(INVITER).size() == 1);
        }

        try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(data.resolve("var/havewemet/index"))) {
            assertThat(index.get(InvitationRecord.idFor(USER, "<lr-2@mail.example.org>"))
                .map(r -> r.replyStatus() + "/" + Objects.toString(r.replyDetail(), "")))
                .contains("suppressed/ALREADY_ANSWERED");
        }
    }

    private static EmbeddedJames startWithUser(ServerSettings settings) throws Exception {
        EmbeddedJames james = EmbeddedJames.create(settings, true).start();
        james.ensureUser(USER, HaveWeMetJames.PASSWORD);
        return james;
    }
}
