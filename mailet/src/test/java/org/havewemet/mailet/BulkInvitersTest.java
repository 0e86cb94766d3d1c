package org.havewemet.mailet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-inviter count of distinct users behind mass-inviter detection, on a real journal file. */
class BulkInvitersTest {
    static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
    static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path dir;

    private Path journal() {
        return dir.resolve("bulk-inviters.jsonl");
    }

    private static BulkInviters.Observation invite(BulkInviters inviters, String key, int user, Instant at) {
        return inviters.observe(key, "u" + user + "@example.com", at, "id-" + user, "Rita Recruiter", null,
            "Talent partner", "rita@agency.test", 5, DAY);
    }

    @Test
    void fifthDistinctUserWithinTheWindowShouldMakeTheInviterBulkAndNameTheEarlierRecords() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 1; user <= 4; user++) {
                assertThat(invite(inviters, "k", user, T0.plusSeconds(user)).bulk()).isFalse();
            }
            assertThat(invite(inviters, "k", 1, T0.plusSeconds(10)).bulk()).as("the same user again").isFalse();

            BulkInviters.Observation fifth = invite(inviters, "k", 5, T0.plusSeconds(20));
            assertThat(fifth.bulk()).isTrue();
            assertThat(fifth.crossed()).isTrue();
            assertThat(fifth.earlierIds()).containsExactly("id-1", "id-2", "id-3", "id-4");

            BulkInviters.Observation sixth = invite(inviters, "k", 6, T0.plusSeconds(30));
            assertThat(sixth.bulk()).isTrue();
            assertThat(sixth.crossed()).as("crossed once").isFalse();
        }
    }

    @Test
    void usersSpreadOverMoreThanTheWindowShouldNotMakeAnInviterBulk() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 1; user <= 6; user++) {
                assertThat(invite(inviters, "k", user, T0.plus(Duration.ofHours(7L * user))).bulk()).isFalse();
            }
            assertThat(inviters.bulk()).isEmpty();
        }
    }

    @Test
    void countsShouldSurviveAReopenWhenTheJournalWasWritten() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 1; user <= 3; user++) {
                invite(inviters, "k", user, T0.plusSeconds(user));
            }
        }
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            invite(inviters, "k", 4, T0.plusSeconds(4));
            assertThat(invite(inviters, "k", 5, T0.plusSeconds(5)).earlierIds()).hasSize(4);
        }
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            assertThat(inviters.isBulk("k")).isTrue();
            List<Map<String, Object>> listed = inviters.bulk();
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0)).containsEntry("inviter", "k").containsEntry("users", 5)
                .containsEntry("invitations", 5).containsEntry("name", "Rita Recruiter")
                .containsEntry("firstSeen", T0.plusSeconds(1).toString())
                .containsEntry("lastSeen", T0.plusSeconds(5).toString());
            assertThat(Files.readAllLines(journal())).as("compacted to one line per inviter").hasSize(1);
        }
    }

    @Test
    void tornLastLineShouldCostOneCountWhenTheServerWasKilled() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            invite(inviters, "k", 1, T0);
        }
        Files.writeString(journal(), "{\"key\":\"k\",\"user\":\"u2@exa", StandardOpenOption.APPEND);
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 3; user <= 6; user++) {
                invite(inviters, "k", user, T0.plusSeconds(user));
            }
            assertThat(inviters.isBulk("k")).isTrue();
        }
    }

    @Test
    void eraseShouldForgetTheInviterByAddressWhenAskedToErase() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 1; user <= 5; user++) {
                invite(inviters, "k", user, T0.plusSeconds(user));
            }
            assertThat(inviters.erase("Rita@Agency.test")).isEqualTo(1);
            assertThat(inviters.bulk()).isEmpty();
        }
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            assertThat(inviters.isBulk("k")).isFalse();
        }
    }

    @Test
    void forgetOlderThanShouldKeepMassInvitersWhenDroppingStaleOnes() throws Exception {
        try (BulkInviters inviters = BulkInviters.open(journal())) {
            for (int user = 1; user <= 5; user++) {
                invite(inviters, "bulk", user, T0.plusSeconds(user));
            }
            invite(inviters, "once", 1, T0);
            assertThat(inviters.size()).isEqualTo(2);
            inviters.forgetOlderThan(T0.plus(DAY.multipliedBy(2)));
            assertThat(inviters.size()).isEqualTo(1);
            assertThat(inviters.isBulk("bulk")).isTrue();
        }
    }
}
