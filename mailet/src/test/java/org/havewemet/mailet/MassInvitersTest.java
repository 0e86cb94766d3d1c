package org.havewemet.mailet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.testing.TestClock;
import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@link MassInviters} over a real index, write queue and journal: marking, the verdict, earlier records. */
class MassInvitersTest {
    static final Inviter RITA = new Inviter("Rita Recruiter", "Talent partner", null, null, null,
        "https://www.linkedin.com/in/rita-recruiter/");

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-12-03T08:00:00Z"));
    InvitationIndex index;
    IndexWriteQueue writes;
    BulkInviters store;
    /** What was handed to be moved to Spam (the mailbox move itself is MailboxMover's, tested through James). */
    final List<InvitationRecord> refiled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        index = InvitationIndex.open(dir.resolve("index"), Duration.ofSeconds(1));
        writes = new IndexWriteQueue(index, 100, Duration.ofMillis(10), () -> { });
        store = BulkInviters.open(dir.resolve("bulk.jsonl"));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        writes.close();
        index.close();
    }

    private MassInviters mass(String yaml) throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString(yaml, "x");
        return new MassInviters(config.bulk(), store, writes, index, clock, refiled::add);
    }

    private static TriageResult result(Inviter inviter, Verdict verdict) {
        Invitation invitation = new Invitation("linkedin", EventKind.INVITATION, inviter, null, "en", null, null, 3,
            500, null);
        return new TriageResult(Optional.of(invitation), verdict, List.of(new Reason("NO_NOTE", 1, "")));
    }

    /** Marks one delivery to user n and records it in the index, as the mailet does. */
    private TriageResult deliver(MassInviters mass, int n, Verdict verdict) throws Exception {
        String user = "u" + n + "@example.com";
        String id = InvitationRecord.idFor(user, "<m" + n + "@x>");
        TriageResult marked = mass.mark(user, id, result(RITA, verdict));
        writes.submitRecord(TriageFactory.record(user, "<m" + n + "@x>", marked.invitation().get(), marked,
            ReplyOutcome.none(), clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        return marked;
    }

    @Test
    void fifthUserShouldGetTheReasonAndEarlierRecordsShouldGetItInTheIndex() throws Exception {
        MassInviters mass = mass("");
        for (int n = 1; n <= 4; n++) {
            assertThat(deliver(mass, n, Verdict.UNEXPLAINED).reasons()).extracting(Reason::code)
                .doesNotContain("BULK_INVITER");
        }
        TriageResult fifth = deliver(mass, 5, Verdict.PERSONAL);
        assertThat(fifth.reasons()).extracting(Reason::code).contains("BULK_INVITER");
        assertThat(fifth.verdict()).as("bulk.verdict unexplained").isEqualTo(Verdict.UNEXPLAINED);
        assertThat(ReplyService.quietReason(fifth)).map(Enum::name).contains("BULK_INVITER");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            writes.flush(Duration.ofSeconds(5));
            for (int n = 1; n <= 4; n++) {
                assertThat(index.get(InvitationRecord.idFor("u" + n + "@example.com", "<m" + n + "@x>"))
                    .orElseThrow().reasons()).as("user " + n).contains("BULK_INVITER");
            }
        });
    }

    @Test
    void suspiciousBulkVerdictShouldSendThemToSpamButKeepKnownOnesKnown() throws Exception {
        MassInviters mass = mass("bulk:\n  users: 2\n  verdict: suspicious\n");
        deliver(mass, 1, Verdict.UNEXPLAINED);
        assertThat(deliver(mass, 2, Verdict.UNEXPLAINED).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(deliver(mass, 3, Verdict.KNOWN).verdict()).isEqualTo(Verdict.KNOWN);

        String first = InvitationRecord.idFor("u1@example.com", "<m1@x>");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            writes.flush(Duration.ofSeconds(5));
            assertThat(index.get(first).orElseThrow().verdict()).as("already filed, now to Spam")
                .isEqualTo("SUSPICIOUS");
        });
        assertThat(refiled).extracting(InvitationRecord::id).containsExactly(first);
    }

    @Test
    void unexplainedBulkVerdictShouldLeaveEarlierMailsWhereTheyAre() throws Exception {
        MassInviters mass = mass("bulk:\n  users: 2\n");
        deliver(mass, 1, Verdict.PERSONAL);
        deliver(mass, 2, Verdict.UNEXPLAINED);

        String first = InvitationRecord.idFor("u1@example.com", "<m1@x>");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            writes.flush(Duration.ofSeconds(5));
            assertThat(index.get(first).orElseThrow().reasons()).contains("BULK_INVITER");
        });
        assertThat(index.get(first).orElseThrow().verdict()).isEqualTo("PERSONAL");
        assertThat(refiled).isEmpty();
    }

    @Test
    void zeroUsersShouldLeaveEveryResultAsItWas() throws Exception {
        MassInviters mass = mass("bulk:\n  users: 0\n");
        for (int n = 1; n <= 7; n++) {
            assertThat(deliver(mass, n, Verdict.UNEXPLAINED).reasons()).extracting(Reason::code)
                .containsExactly("NO_NOTE");
        }
        assertThat(store.size()).isZero();
    }

    @Test
    void keyShouldPreferTheProfileLinkThenNameAndHeadlineThenTheAddress() {
        Invitation linked = result(RITA, Verdict.UNEXPLAINED).invitation().get();
        assertThat(MassInviters.key(linked)).isEqualTo("profile:https://www.linkedin.com/in/rita-recruiter");
        Invitation named = result(new Inviter("Rita  Recruiter", "Talent Partner", null, null, null, null),
            Verdict.UNEXPLAINED).invitation().get();
        assertThat(MassInviters.key(named)).isEqualTo("name:rita recruiter | talent partner");
        Invitation direct = new Invitation(Invitation.DIRECT, EventKind.INVITATION,
            new Inviter("Rita", null, null, null, null, null), null, "en", null, null, null, null,
            "Rita@Agency.test");
        assertThat(MassInviters.key(direct)).isEqualTo("address:rita@agency.test");
    }
}
