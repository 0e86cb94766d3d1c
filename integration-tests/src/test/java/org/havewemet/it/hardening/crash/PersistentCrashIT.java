package org.havewemet.it.hardening.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.it.OutsideWorld;
import org.havewemet.reply.ReplyLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8: {@code kill -9} of a James whose spool is persistent (James' ActiveMQ queue in KahaDB) in the middle of
 * a load of mixed mail, then a restart on the same data directory.
 */
class PersistentCrashIT {
    static final String USER = CrashScenario.USER;

    @RegisterExtension
    static OutsideWorld outside = new OutsideWorld();

    @TempDir
    Path data;

    @Test
    void everyAcceptedMailShouldBeDeliveredAndNoInviterAnsweredTwiceWhenJamesIsKilledMidLoad() throws Exception {
        CrashScenario.Outcome run = CrashScenario.run(data, outside, true, "with-havewemet");

        Set<String> accepted = ids(run, SmtpSession.Outcome.ACCEPTED);
        Map<String, Long> delivered = DeliveredMail.countsById(run.deliveries());
        Map<String, Long> duplicates = delivered.entrySet().stream().filter(e -> e.getValue() > 1)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, Long> replies = CrashScenario.recipients(outside).stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        System.out.printf("PersistentCrashIT: %s%n  delivered %d distinct / %d entries, duplicates %s, errors %d,"
                + " replies %d (%d before the kill)%n", summary(run), delivered.size(), run.deliveries().size(),
            duplicates, run.errors().size(), replies.size(), run.repliesAtKill().size());

        assertThat(delivered.keySet()).as("every mail James accepted is delivered").containsAll(accepted);
        assertThat(run.errors()).as("nothing in the error repository").isEmpty();
        assertThat(replies).as("no inviter answered twice")
            .allSatisfy((inviter, count) -> assertThat(count).as(inviter).isOne());

        try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(data.resolve("var/havewemet/index"))) {
            long indexed = 0;
            for (String id : delivered.keySet()) {
                if (index.get(InvitationRecord.idFor(USER, id)).isPresent()) {
                    indexed++;
                }
            }
            System.out.printf("  index: %d documents, %d of the delivered mails%n", index.count(USER), indexed);
        }
        try (ReplyLedger ledger = ReplyLedger.open(ReplyLedger.defaultDirectory(data))) {
            for (String inviter : replies.keySet()) {
                assertThat(ledger.isAnsweredWithin(USER, inviter, Instant.now(), Duration.ofDays(30))).as(inviter).isTrue();
            }
        }
    }

    static Set<String> ids(CrashScenario.Outcome run, SmtpSession.Outcome outcome) {
        return run.sent().values().stream().filter(s -> s.outcome() == outcome).map(MailLoad.Sent::messageId)
            .collect(Collectors.toSet());
    }

    static String summary(CrashScenario.Outcome run) {
        return String.format("sent %d: accepted %d, unknown %d, refused %d; killed %d ms into the load with %d in the"
                + " spool, %d outgoing, %d delivered; restart to drained %d ms",
            run.sent().size(), ids(run, SmtpSession.Outcome.ACCEPTED).size(), ids(run, SmtpSession.Outcome.UNKNOWN).size(),
            ids(run, SmtpSession.Outcome.REFUSED).size(), run.loadToKill().toMillis(), run.spoolAtKill(),
            run.outgoingAtKill(), run.deliveredAtKill(), run.restartToDrained().toMillis());
    }
}
