package org.havewemet.triage.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.havewemet.triage.Verdict;

/**
 * One labelled row of a {@code labels.tsv}: the shared corpus' columns (file, invitation, platform, event, note,
 * expected_verdict, inviter_name, rationale) and, for the generalization fixtures, kind, language and split. Columns
 * are found by their header name, so a folder may add columns without breaking the reader.
 *
 * @param accepted the verdicts that count as right ("EITHER (A or B): ..." accepts both)
 * @param event    what the message is (invitation, reminder, accepted, personal, phish...), empty when not labelled
 */
public record LabelledMail(Path eml, Set<Verdict> accepted, String inviterName, String kind, String language,
                           String split, String platform, String event) {

    public static List<LabelledMail> read(Path labels, Path emlDirectory) throws IOException {
        List<String> lines = Files.readAllLines(labels);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines.get(0).split("\t", -1);
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        List<LabelledMail> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String expected = field(f, column, "expected_verdict");
            rows.add(new LabelledMail(emlDirectory.resolve(field(f, column, "file")),
                accepted(expected, field(f, column, "rationale")), field(f, column, "inviter_name"),
                field(f, column, "kind"), field(f, column, "language"), field(f, column, "split"),
                field(f, column, "platform"), field(f, column, "event")));
        }
        return rows;
    }

    private static Set<Verdict> accepted(String expected, String rationale) {
        Set<Verdict> accepted = EnumSet.noneOf(Verdict.class);
        if (expected.startsWith("EITHER")) {
            String text = expected.contains("(") ? expected : rationale;
            String inside = text.substring(text.indexOf('(') + 1, text.indexOf(')'));
            for (String v : inside.split(" or ")) {
                accepted.add(Verdict.valueOf(v.strip()));
            }
        } else {
            accepted.add(Verdict.valueOf(expected));
        }
        return accepted;
    }

    private static String field(String[] fields, Map<String, Integer> column, String name) {
        Integer i = column.get(name);
        return i == null || i >= fields.length ? "" : fields[i].strip();
    }

    public String file() {
        return eml.getFileName().toString();
    }

    /** "PERSONAL" or "EITHER" for rows that accept two verdicts. */
    public String label() {
        return accepted.size() == 1 ? accepted.iterator().next().name() : "EITHER";
    }
}
