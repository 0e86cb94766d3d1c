package org.havewemet.mailet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The first half of COPY then EXPUNGE, remembered across a restart, bounded and expiring. */
class PendingCopiesTest {
    static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private static PendingCopies.Copy copy(long uid, Instant at) {
        return new PendingCopies.Copy("alice@example.com", "Spam", "SPAM", uid, at.toEpochMilli());
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void copyShouldStillBeKnownAfterAReopenAndForgottenOnceRemoved() {
        Path file = dir.resolve("var/pending.jsonl");
        PendingCopies before = PendingCopies.open(file, 10, DAY, at(NOW));
        before.add("m1", copy(7, NOW));
        before.add("m2", copy(8, NOW));
        assertThat(before.remove("m2")).contains(copy(8, NOW));

        PendingCopies after = PendingCopies.open(file, 10, DAY, at(NOW.plusSeconds(60)));

        assertThat(after.remove("m2")).isEmpty();
        assertThat(after.remove("m1")).contains(copy(7, NOW));
        assertThat(PendingCopies.open(file, 10, DAY, at(NOW)).remove("m1")).as("the removal was written too").isEmpty();
    }

    @Test
    void copyShouldBeForgottenWhenOlderThanTheExpiry() {
        Path file = dir.resolve("pending.jsonl");
        PendingCopies.open(file, 10, DAY, at(NOW)).add("m1", copy(7, NOW));

        PendingCopies nextWeek = PendingCopies.open(file, 10, DAY, at(NOW.plus(Duration.ofDays(7))));

        assertThat(nextWeek.size()).isZero();
        assertThat(nextWeek.remove("m1")).isEmpty();
    }

    @Test
    void oldestCopiesShouldBeForgottenPastTheCapacityAndTheFileStayBounded() throws Exception {
        Path file = dir.resolve("pending.jsonl");
        PendingCopies pending = PendingCopies.open(file, 3, DAY, at(NOW));
        for (int i = 0; i < 100; i++) {
            pending.add("m" + i, copy(i, NOW));
        }

        assertThat(pending.size()).isEqualTo(3);
        assertThat(Files.readAllLines(file)).hasSizeLessThanOrEqualTo(2 * 3 + 1);
        PendingCopies reopened = PendingCopies.open(file, 3, DAY, at(NOW));
        assertThat(reopened.remove("m96")).isEmpty();
        assertThat(reopened.remove("m99")).contains(copy(99, NOW));
        assertThat(reopened.size()).isEqualTo(2);
    }

    @Test
    void tornLastLineShouldKeepEverythingBeforeIt() throws Exception {
        Path file = dir.resolve("pending.jsonl");
        PendingCopies.open(file, 10, DAY, at(NOW)).add("m1", copy(7, NOW));
        Files.writeString(file, Files.readString(file) + "{\"op\":\"+\",\"id\":\"m2\",\"co", StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(PendingCopies.open(file, 10, DAY, at(NOW)).remove("m1")).contains(copy(7, NOW));
    }
}
