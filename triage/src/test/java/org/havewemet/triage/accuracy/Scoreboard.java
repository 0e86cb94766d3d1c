package org.havewemet.triage.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;

/** Right / total of a set of labelled mails, overall and grouped, next to the "UNEXPLAINED to everything" baseline. */
public final class Scoreboard {
    /** One judged mail. */
    public record Outcome(LabelledMail mail, TriageResult result) {
        public boolean right() {
            return mail.accepted().contains(result.verdict());
        }

        public boolean baselineRight() {
            return mail.accepted().contains(Verdict.UNEXPLAINED);
        }
    }

    private final String name;
    private final List<Outcome> outcomes = new ArrayList<>();

    public Scoreboard(String name) {
        this.name = name;
    }

    public void add(LabelledMail mail, TriageResult result) {
        outcomes.add(new Outcome(mail, result));
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public int total() {
        return outcomes.size();
    }

    public int right() {
        return (int) outcomes.stream().filter(Outcome::right).count();
    }

    public int baselineRight() {
        return (int) outcomes.stream().filter(Outcome::baselineRight).count();
    }

    public double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) right() / outcomes.size();
    }

    public List<Outcome> wrong() {
        return outcomes.stream().filter(o -> !o.right()).toList();
    }

    /** "name: 60/61 right (98.4%), baseline UNEXPLAINED 37/61 (60.7%)" and one line per group of each grouping. */
    public String report(Map<String, Function<LabelledMail, String>> groupings) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(name, outcomes)).append('\n');
        groupings.forEach((grouping, key) -> {
            Map<String, List<Outcome>> groups = new TreeMap<>();
            for (Outcome o : outcomes) {
                String k = key.apply(o.mail());
                groups.computeIfAbsent(k == null || k.isEmpty() ? "-" : k, x -> new ArrayList<>()).add(o);
            }
            groups.forEach((k, list) -> sb.append("  ").append(line(grouping + " " + k, list)).append('\n'));
        });
        return sb.toString();
    }

    private static String line(String label, List<Outcome> list) {
        long right = list.stream().filter(Outcome::right).count();
        long base = list.stream().filter(Outcome::baselineRight).count();
        return String.format(Locale.ROOT, "%-28s %4d/%-4d right (%5.1f%%)   baseline UNEXPLAINED-to-all %4d/%-4d (%5.1f%%)",
            label, right, list.size(), pct(right, list.size()), base, list.size(), pct(base, list.size()));
    }

    private static double pct(long n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }
}
