package org.havewemet.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A page of inviters (picked with a bounded heap) is exactly that slice of the fully sorted list. */
class InviterPagingTest {
    @TempDir
    Path dir;

    @Test
    void inviterPagesShouldBeSlicesOfTheCompleteLatestFirstList() throws IOException {
        try (InvitationIndex index = InvitationIndex.open(dir.resolve("index"))) {
            List<InvitationRecord> records = new InvitationGenerator(11, 2).next(3_000);
            for (int i = 0; i < records.size(); i++) {
                index.index(records.get(i));
                if (i % 700 == 0) {
                    index.commit();
                }
            }
            for (String query : List.of("", "verdict:unexplained", "from:m")) {
                List<InviterSummary> all = index.inviters("user1@example.com", query, 100_000, 0);
                assertThat(all).hasSizeGreaterThan(60);
                assertThat(all).isSortedAccordingTo((a, b) -> b.lastSeen().compareTo(a.lastSeen()));
                assertThat(all.stream().mapToLong(InviterSummary::count).sum())
                        .isEqualTo(index.search("user1@example.com", query, SortOrder.DATE, 0, 0).total());
                for (int offset : new int[] {0, 1, 7, 40}) {
                    assertThat(index.inviters("user1@example.com", query, 10, offset)).as(query + " at " + offset)
                            .isEqualTo(all.subList(offset, offset + 10));
                }
                assertThat(index.inviters("user1@example.com", query, 0, 0)).isEmpty();
            }
        }
    }
}
