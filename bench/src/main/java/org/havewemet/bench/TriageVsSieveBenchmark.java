package org.havewemet.bench;

import java.util.concurrent.TimeUnit;

import org.apache.mailet.Mail;
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
 * One operation = one message of the fixture set (cycled in order), parsed from its bytes into a fresh
 * MimeMessage and then classified: by havewemet's triage engine, or by James' Sieve mailet running the
 * equivalent script. Both sides pay the same MimeMessage parse, so the ratio compares the classification.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TriageVsSieveBenchmark {

    /** The engines and messages, built once per fork. */
    @State(Scope.Benchmark)
    public static class Engines {
        BenchMessages messages;
        InvitationTriage triage;
        SieveSide sieve;

        @Setup(Level.Trial)
        public void setUp() {
            messages = BenchMessages.load(BenchMessages.repoRoot());
            triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
            sieve = new SieveSide(EquivalentSieveScript.generate());
        }
    }

    /** Each thread walks the message set in order, so every message weighs the same. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance(int size) {
            int i = next;
            next = (next + 1) % size;
            return i;
        }
    }

    @Benchmark
    public TriageResult havewemetTriage(Engines e, Cursor c) {
        int i = c.advance(e.messages.size());
        return e.triage.triage(e.messages.parse(i), BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT);
    }

    @Benchmark
    public Mail jamesSieve(Engines e, Cursor c) {
        int i = c.advance(e.messages.size());
        return e.sieve.service(e.messages.parse(i));
    }

    @Benchmark
    public Object parseOnly(Engines e, Cursor c) {
        int i = c.advance(e.messages.size());
        return e.messages.parse(i);
    }
}
