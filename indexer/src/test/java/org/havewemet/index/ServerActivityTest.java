package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InvitationIndex#activity} and {@link InvitationIndex#latest}: the server-wide reads of the dashboard. */
class ServerActivityTest {
    @TempDir
    Path dir;

    @Test
    void activityShouldCountEveryUsersInvitationsOfTheWindowPerDayVerdictPlatformAndLanguage() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            List<InvitationRecord> all = Corpus.load();
            List<Instant> times = all.stream().map(InvitationRecord::receivedAt).sorted().toList();
            Instant from = times.get(times.size() / 2);
            List<InvitationRecord> window = all.stream().filter(r -> !r.receivedAt().isBefore(from)).toList();
            assertThat(window).as("precondition: the window holds part of the corpus").isNotEmpty()
                .hasSizeLessThan(all.size());

            ActivityCounts counts = index.activity(from);

            assertThat(counts.invitations()).isEqualTo(window.size());
            Map<LocalDate, Map<String, Long>> expectedDaily = new TreeMap<>(window.stream().collect(
                Collectors.groupingBy(r -> LocalDate.ofInstant(r.receivedAt(), ZoneOffset.UTC),
                    Collectors.groupingBy(r -> or(r.verdict(), "unknown"), Collectors.counting()))));
            assertThat(counts.daily()).isEqualTo(expectedDaily);
            assertThat(counts.platforms()).isEqualTo(window.stream().collect(
                Collectors.groupingBy(r -> or(r.platform(), "unknown"), Collectors.counting())));
            assertThat(counts.noteLanguages()).isEqualTo(window.stream().collect(
                Collectors.groupingBy(r -> or(r.noteLanguage(), "none"), Collectors.counting())));
            assertThat(counts.daily().keySet()).as("users of different recipients are all counted")
                .isNotEmpty();
        }
    }

    @Test
    void latestShouldBeTheNewestInvitationsOfEveryUserNewestFirst() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            index.addCorrespondent("demo@example.com", "friend@example.org", "A Friend");
            List<InvitationRecord> all = Corpus.load();
            List<Instant> expected = all.stream().map(InvitationRecord::receivedAt)
                .sorted(Comparator.reverseOrder()).limit(5).toList();

            List<InvitationRecord> latest = index.latest(5);

            assertThat(latest).extracting(InvitationRecord::receivedAt).isEqualTo(expected);
            assertThat(latest).allSatisfy(r -> assertThat(r.id()).doesNotStartWith("correspondent/"));
            assertThat(all.stream().map(InvitationRecord::recipient).distinct().count())
                .as("precondition: the corpus has several users").isGreaterThan(1);
        }
    }

    @Test
    void activityShouldBeEmptyForAnEmptyIndex() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("empty"))) {
            ActivityCounts counts = index.activity(Instant.EPOCH);
            assertThat(counts.invitations()).isZero();
            assertThat(counts.daily()).isEmpty();
            assertThat(index.latest(10)).isEmpty();
        }
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
