package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link InvitationIndex#totals()}: the server-wide counts behind the WebAdmin statistics. */
class InvitationIndexTotalsTest {
    @TempDir
    Path dir;

    @Test
    void totalsShouldCountEveryUsersInvitationsByVerdictStatusAndSuppressionReason() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            Corpus.indexAll(index);
            List<InvitationRecord> all = Corpus.load();
            InvitationRecord first = all.get(0);
            InvitationRecord second = all.get(1);
            index.updateReplyStatus(first.id(), "suppressed", "rate-limited");
            index.updateReplyStatus(second.id(), "suppressed", "rate-limited");
            index.updateReplyStatus(all.get(2).id(), "replied", "someone@example.org");

            Map<String, Map<String, Long>> totals = index.totals();

            assertThat(totals.get("verdict")).isEqualTo(count(all, r -> r.verdict() == null ? "unknown" : r.verdict()));
            assertThat(totals.get("verdict").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.size());
            assertThat(totals.get("replyStatus").get("suppressed")).isEqualTo(2L
                + all.subList(3, all.size()).stream().filter(r -> "suppressed".equals(r.replyStatus())).count());
            assertThat(totals.get("suppressedReason")).containsEntry("rate-limited", 2L
                + all.subList(3, all.size()).stream().filter(r -> "suppressed".equals(r.replyStatus())
                    && "rate-limited".equals(r.replyDetail())).count());
            assertThat(totals.get("suppressedReason")).doesNotContainKey("someone@example.org");
        }
    }

    @Test
    void totalsShouldBeEmptyForAnEmptyIndex() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("empty"))) {
            assertThat(index.totals().get("verdict")).isEmpty();
            assertThat(index.totals().get("replyStatus")).isEmpty();
        }
    }

    private static Map<String, Long> count(List<InvitationRecord> records, Function<InvitationRecord, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
