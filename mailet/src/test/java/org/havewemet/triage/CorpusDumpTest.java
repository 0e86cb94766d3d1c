package org.havewemet.triage;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class CorpusDumpTest {
    @Test
    void dump() throws Exception {
        Path dir = Path.of(System.getProperty("dumpDir", "/nonexistent"));
        if (!Files.isDirectory(dir)) return;
        InvitationTriage t = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        try (var s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                TriageResult r = t.triage(Mails.read(f), "env@example.org", "me@example.com");
                System.out.println("== " + f.getFileName() + " -> " + r.verdict());
                r.invitation().ifPresent(i -> System.out.println("   " + i.platform() + " " + i.event() + " name=" + i.inviter().name()
                    + " | hl=" + i.inviter().headline() + " | co=" + i.inviter().company() + " | loc=" + i.inviter().location() + " | email=" + i.inviter().email()
                    + " | reply=" + i.replyAddress() + " | lang=" + i.noteLanguage() + " | id=" + i.invitationId() + "\n   note=" + (i.note()==null?null:i.note().replace("\n"," / "))
                    + "\n   accept=" + i.acceptUrl() + "\n   profile=" + i.profileUrl()));
                r.reasons().forEach(x -> System.out.println("   - " + x.code() + " " + x.weight() + " " + x.detail()));
            }
        }
    }
}
