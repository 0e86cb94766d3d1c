package org.havewemet.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Loads the fixed test corpus src/test/resources/corpus.tsv. */
final class Corpus {
    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.com";

    private Corpus() {
    }

    static List<InvitationRecord> load() {
        List<InvitationRecord> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Corpus.class.getResourceAsStream("/corpus.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = Arrays.stream(line.split("\t", -1)).map(v -> v.equals("-") ? null : v).toArray(String[]::new);
                out.add(new InvitationRecord(InvitationRecord.idFor(c[0], c[1]), c[0], c[1], c[2], c[3], c[4], c[5],
                        c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13] == null ? List.of() : List.of(c[13].split(";")),
                        c[14], c[15], Instant.parse(c[16]), c[17] == null ? null : Integer.valueOf(c[17]),
                        c[18] == null ? null : Integer.valueOf(c[18])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static void indexAll(InvitationIndex index) throws IOException {
        for (InvitationRecord r : load()) {
            index.index(r);
        }
    }

    static InvitationRecord byMessageId(String messageId) {
        return load().stream().filter(r -> r.messageId().equals(messageId)).findFirst().orElseThrow();
    }
}
