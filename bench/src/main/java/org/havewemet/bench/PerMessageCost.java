package org.havewemet.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

import javax.mail.internet.MimeMessage;

import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;

/**
 * A rough per-message cost (median of repeated in-process runs after a warm-up; not JMH-grade) that shows which
 * fixtures dominate each side's average, so a missed goal can be explained.
 */
public final class PerMessageCost {
    private PerMessageCost() {
    }

    /** The {@code top} most expensive messages for triage and for Sieve, in µs. */
    public static String slowest(BenchMessages messages, int top, int repetitions) {
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        SieveSide sieve = new SieveSide(EquivalentSieveScript.generate());
        IntConsumer ours = i -> triage.triage(messages.parse(i), BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT);
        IntConsumer theirs = i -> sieve.service(messages.parse(i));
        for (int w = 0; w < 20; w++) {
            for (int i = 0; i < messages.size(); i++) {
                ours.accept(i);
                theirs.accept(i);
            }
        }
        return "Slowest messages, triage (µs, median of " + repetitions + "):\n" + rank(messages, ours, top, repetitions)
                + "Slowest messages, Sieve (µs, median of " + repetitions + "):\n" + rank(messages, theirs, top, repetitions);
    }

    /**
     * Load-resistant ratio: {@code rounds} back-to-back pairs, each timing the whole message set through triage and
     * then through Sieve (order swapped every round), after a warm-up. Returns {median, p25, p75} of the per-round
     * ratios ours/theirs, and the median µs per message of each side. Slow drifts in machine load hit both halves of
     * a pair alike, unlike JMH's benchmark-after-benchmark runs.
     */
    public static double[] pairedRatio(BenchMessages messages, int rounds) {
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        SieveSide sieve = new SieveSide(EquivalentSieveScript.generate());
        IntConsumer ours = i -> triage.triage(messages.parse(i), BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT);
        IntConsumer theirs = i -> sieve.service(messages.parse(i));
        for (int w = 0; w < 30; w++) {
            pass(messages, ours);
            pass(messages, theirs);
        }
        double[] ratios = new double[rounds];
        double[] oursUs = new double[rounds];
        double[] theirsUs = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double a;
            double b;
            if (r % 2 == 0) {
                a = pass(messages, ours);
                b = pass(messages, theirs);
            } else {
                b = pass(messages, theirs);
                a = pass(messages, ours);
            }
            ratios[r] = a / b;
            oursUs[r] = a / messages.size() / 1e3;
            theirsUs[r] = b / messages.size() / 1e3;
        }
        Arrays.sort(ratios);
        Arrays.sort(oursUs);
        Arrays.sort(theirsUs);
        return new double[] {ratios[rounds / 2], ratios[rounds / 4], ratios[rounds * 3 / 4], oursUs[rounds / 2], theirsUs[rounds / 2]};
    }

    /**
     * Triage's median µs per message of the realistic mix's ordinary mail and of its invitations (parse excluded:
     * each message is parsed once, outside the timing), after a warm-up: {ordinary, invitation}.
     */
    public static double[] ordinaryVsInvitation(BenchMessages fixtures, int rounds) {
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        List<byte[]> mix = RealisticMix.corpus(fixtures, RealisticMix.SIZE);
        List<MimeMessage> ordinary = new ArrayList<>();
        List<MimeMessage> invitations = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            (i % RealisticMix.INVITATION_EVERY == 0 ? invitations : ordinary).add(BenchMessages.parseRaw(mix.get(i)));
        }
        for (int w = 0; w < 20; w++) {
            timeAll(triage, ordinary);
            timeAll(triage, invitations);
        }
        double[] o = new double[rounds];
        double[] v = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            o[r] = timeAll(triage, ordinary) / ordinary.size() / 1e3;
            v[r] = timeAll(triage, invitations) / invitations.size() / 1e3;
        }
        Arrays.sort(o);
        Arrays.sort(v);
        return new double[] {o[rounds / 2], v[rounds / 2]};
    }

    private static double timeAll(InvitationTriage triage, List<MimeMessage> mails) {
        long t = System.nanoTime();
        for (MimeMessage m : mails) {
            triage.triage(m, BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT);
        }
        return System.nanoTime() - t;
    }

    private static double pass(BenchMessages messages, IntConsumer work) {
        long t = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            work.accept(i);
        }
        return System.nanoTime() - t;
    }

    private static String rank(BenchMessages messages, IntConsumer work, int top, int repetitions) {
        List<double[]> costs = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            double[] samples = new double[repetitions];
            for (int r = 0; r < repetitions; r++) {
                long t = System.nanoTime();
                work.accept(i);
                samples[r] = (System.nanoTime() - t) / 1e3;
            }
            Arrays.sort(samples);
            costs.add(new double[] {samples[repetitions / 2], i});
        }
        costs.sort(Comparator.comparingDouble((double[] c) -> c[0]).reversed());
        StringBuilder b = new StringBuilder();
        double total = costs.stream().mapToDouble(c -> c[0]).sum();
        for (double[] c : costs.subList(0, Math.min(top, costs.size()))) {
            b.append(String.format(Locale.ROOT, "  %9.1f  %4.1f%%  %s%n", c[0], 100 * c[0] / total,
                    messages.files().get((int) c[1]).getFileName()));
        }
        b.append(String.format(Locale.ROOT, "  sum of medians %.1f µs over %d messages, mean %.1f µs%n", total,
                costs.size(), total / costs.size()));
        return b.toString();
    }

    public static void main(String[] args) {
        System.out.println(slowest(BenchMessages.load(BenchMessages.repoRoot()), 12, 9));
    }
}
