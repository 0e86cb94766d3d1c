package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.havewemet.bench.BenchMessages;
import org.havewemet.config.LearningConfig;
import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.TriageResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What learning from corrections (issue 15, part 1) adds to each mail, against the triage every mail already pays
 * (the baseline, {@link #triageBaseline}), in the same JMH run:
 * <ul>
 *     <li>{@link #userModel}: {@link Corrections#mark} for a user with a trained model (past
 *     {@code learning.minCorrections}) and remembered relations: the per-delivery cost of the model;</li>
 *     <li>{@link #listenerMove}: what the correction listener does for one user's move before the correction itself
 *     (remembering the copy in the file-backed {@link PendingCopies}, then finding it at the expunge); a delivery costs
 *     the listener only its {@code isHandling} test (deliveries are not handled).</li>
 * </ul>
 * In package {@code org.havewemet.mailet} (of the bench jar) because these classes are the mailet's internals.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LearningCostBenchmark {
    static final String USER = "alice@example.org";

    /** Messages, their triage results, a user with 40 corrections, pending copies on disk; once per fork. */
    @State(Scope.Benchmark)
    public static class Learned {
        BenchMessages messages;
        InvitationTriage triage;
        List<TriageResult> results;
        Corrections corrections;
        PendingCopies pending;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            messages = BenchMessages.load(BenchMessages.repoRoot());
            triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
            results = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                results.add(triage.triage(messages.parse(i), "notifications@bounce.linkedin.com", USER));
            }
            Path dir = Files.createTempDirectory("havewemet-learning-bench");
            UserLearning learning = new UserLearning(dir.resolve("learning"));
            Instant now = Instant.parse("2026-12-03T08:00:00Z");
            int n = 0;
            for (TriageResult r : results) {
                if (r.invitation().isPresent() && n < 40) {
                    learning.correct(USER, "id-" + n, MassInviters.key(r.invitation().get()) + "-other",
                        NoteFeatures.of(r.invitation().get()),
                        n % 2 == 0 ? UserLearning.Target.PRIORITY : UserLearning.Target.UNEXPLAINED, now);
                    n++;
                }
            }
            corrections = new Corrections(new LearningConfig(true, 5), learning);
            pending = PendingCopies.open(dir.resolve("pending-copies.jsonl"), CorrectionListener.RECENT_ADDS,
                CorrectionListener.COPY_EXPIRY, Clock.systemUTC());
        }
    }

    /** Each thread walks the message set in order, so every message weighs the same. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
        long moves;

        int advance(int size) {
            int i = next;
            next = (next + 1) % size;
            return i;
        }
    }

    @Benchmark
    public TriageResult triageBaseline(Learned l, Cursor c) {
        int i = c.advance(l.messages.size());
        return l.triage.triage(l.messages.parse(i), "notifications@bounce.linkedin.com", USER);
    }

    @Benchmark
    public TriageResult userModel(Learned l, Cursor c) {
        return l.corrections.mark(USER, l.results.get(c.advance(l.results.size())));
    }

    @Benchmark
    public Object listenerMove(Learned l, Cursor c) {
        String id = Thread.currentThread().getId() + "-" + c.moves++;
        l.pending.add(id, new PendingCopies.Copy(USER, "Spam", "SPAM", c.moves, System.currentTimeMillis()));
        return l.pending.remove(id);
    }
}
