package org.havewemet.index;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link KillDashNineTest}: indexes {@code committed} invitations, commits, says so on stdout, then
 * keeps indexing (never committing; every 100th write reported on stdout once {@code index} returned) until killed.
 */
public final class KillableIndexWriterMain {
    private KillableIndexWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int committed = Integer.parseInt(args[1]);
        InvitationIndex index = InvitationIndex.open(dir, Duration.ofHours(1));
        for (int i = 0; i < committed; i++) {
            index.index(record(i));
        }
        index.commit();
        System.out.println("COMMITTED " + committed);
        System.out.flush();
        for (int i = committed; ; i++) {
            index.index(record(i));
            if (i % 500 == 0) {
                index.count("killed@example.com");
            }
            if (i % 100 == 0) {
                System.out.println("INDEXED " + i);
                System.out.flush();
            }
        }
    }

    static InvitationRecord record(int i) {
        String user = "killed@example.com";
        String mid = "<kill-" + i + "@test>";
        return new InvitationRecord(InvitationRecord.idFor(user, mid), user, mid, "linkedin", "invitation",
                "Person " + i, "person" + i + "@example.org", "Engineer", "Acme", "Paris", null,
                "We met at conference number " + i, "en", "PERSONAL", List.of("note.personal"), null, null,
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i), null, null);
    }
}
