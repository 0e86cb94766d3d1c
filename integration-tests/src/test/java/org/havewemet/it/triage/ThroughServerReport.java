package org.havewemet.it.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.havewemet.it.triage.LabelledFixtures.Fixture;
import org.havewemet.triage.Verdict;

/**
 * Totals of the labelled mails through the server, per split and per kind (and for the shared corpus per labelled
 * verdict): the three label checks (folder, reply, draft) and how often the server did what triage decided.
 * Totals only: which held-out mail fails a label check is never written, so that nobody tunes on it.
 */
final class ThroughServerReport {
    /** One mail: what triage predicts, what the server did, and the label checks of what it did. */
    record Result(Fixture fixture, Prediction.Predicted predicted, Outcome observed, LabelChecks checks) {
        boolean serverDidWhatTriageSays() {
            return predicted.outcome().equals(observed);
        }
    }

    private final List<Result> results = new ArrayList<>();

    void add(Result result) {
        results.add(result);
    }

    List<Result> results() {
        return results;
    }

    List<Result> split(String split) {
        return results.stream().filter(r -> r.fixture().split().equals(split)).toList();
    }

    /** Folder-check accuracy of one split, 0 when it has no mail. */
    double folderAccuracy(String split) {
        List<Result> rows = split(split);
        return rows.isEmpty() ? 0 : (double) rows.stream().filter(r -> r.checks().folder()).count() / rows.size();
    }

    String text(String header) {
        StringBuilder sb = new StringBuilder(header).append('\n');
        Map<String, List<Result>> splits = new LinkedHashMap<>();
        results.forEach(r -> splits.computeIfAbsent(r.fixture().split(), s -> new ArrayList<>()).add(r));
        splits.forEach((split, rows) -> {
            sb.append('\n').append(line(split, rows));
            boolean generalization = !rows.get(0).fixture().shared();
            Function<Result, String> group = generalization
                ? r -> "kind " + r.fixture().row().kind()
                : r -> "expected " + r.fixture().row().label();
            Map<String, List<Result>> groups = new TreeMap<>();
            rows.forEach(r -> groups.computeIfAbsent(group.apply(r), g -> new ArrayList<>()).add(r));
            groups.forEach((name, list) -> sb.append(line("  " + name, list)));
            long spoofs = rows.stream().filter(ThroughServerReport::labelledSuspicious).count();
            long answered = rows.stream().filter(r -> labelledSuspicious(r) && r.observed().replied()).count();
            if (spoofs > 0) {
                sb.append(String.format(Locale.ROOT, "  SUSPICIOUS-labelled mails answered: %d of %d%n", answered,
                    spoofs));
            }
            long unaddressed = rows.stream().filter(r -> r.predicted().why().contains("NOT_ADDRESSED_TO_USER")).count();
            if (unaddressed > 0) {
                sb.append("  ").append(unaddressed).append(" of these name no address of their user in To/Cc (archive "
                    + "copies without a To): the reply policy answers none of them (NOT_ADDRESSED_TO_USER), so a "
                    + "reply or draft the label asks for is missing\n");
            }
        });
        List<Result> generalization = results.stream().filter(r -> !r.fixture().shared()).toList();
        if (!generalization.isEmpty()) {
            sb.append('\n').append(line("tuning+heldout", generalization));
        }
        return sb.toString();
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text(header), StandardCharsets.UTF_8);
    }

    /**
     * One line per tuning or shared-corpus mail that fails a label check: its label, what the server did and why
     * triage decided so. Held-out mails are left out entirely.
     */
    String details() {
        StringBuilder sb = new StringBuilder("label checks failed by tuning and shared-corpus mails (held-out mails "
            + "are never listed)\n");
        for (Result r : results) {
            LabelChecks c = r.checks();
            if (r.fixture().heldOut() || c.passed() == 3) {
                continue;
            }
            sb.append(r.fixture().split()).append('/').append(r.fixture().file())
                .append(c.folder() ? "" : " [folder]").append(c.reply() ? "" : " [reply]")
                .append(c.draft() ? "" : " [draft]")
                .append(": labelled ").append(r.fixture().row().label()).append(' ').append(r.fixture().row().event())
                .append("; server: ").append(r.observed())
                .append("; triage: ").append(r.predicted().verdict()).append(' ').append(r.predicted().why())
                .append('\n');
        }
        return sb.toString();
    }

    /** A spoof by its label: the one kind of mail that must never be answered. */
    static boolean labelledSuspicious(Result r) {
        return r.fixture().row().accepted().equals(Set.of(Verdict.SUSPICIOUS));
    }

    private static String line(String name, List<Result> rows) {
        int n = rows.size();
        long folder = rows.stream().filter(r -> r.checks().folder()).count();
        long reply = rows.stream().filter(r -> r.checks().reply()).count();
        long draft = rows.stream().filter(r -> r.checks().draft()).count();
        long all = rows.stream().filter(r -> r.checks().passed() == 3).count();
        long checks = rows.stream().mapToInt(r -> r.checks().passed()).sum();
        long same = rows.stream().filter(Result::serverDidWhatTriageSays).count();
        return String.format(Locale.ROOT, "%-16s %4d mails  folder %s  reply %s  draft %s  all three %s  checks %s"
                + "  server=triage %s%n", name, n, ratio(folder, n), ratio(reply, n), ratio(draft, n), ratio(all, n),
            ratio(checks, 3L * n), ratio(same, n));
    }

    private static String ratio(long right, long total) {
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", right, total, total == 0 ? 0.0 : 100.0 * right / total);
    }
}
