package org.havewemet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums what a recording of {@code bench/run --jfr DIR} says about the threads of the server: per thread group
 * (names with their numbers folded, "spooler-N") and wait event, the total time and count; for the threads
 * selected, the same per stack (the first frames outside the JDK); and the CPU samples per thread group and per
 * part of the work (triage, index, Lucene, James' mailbox, ...). Usage, after {@code bench/run --jfr DIR}:
 * <pre>
 *   java -cp bench/target/benchmarks.jar org.havewemet.bench.JfrWaits DIR/smtp-invitations-with-2.jfr [spooler]
 * </pre>
 * The same numbers can be read by hand with {@code jfr print --events jdk.ThreadPark,... FILE}.
 */
@SuppressForbidden(reason = "reads JFR recordings (jdk.jfr.consumer), a profiling tool of the benchmark only")
public final class JfrWaits {
    private static final Set<String> WAITS = Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait",
        "jdk.FileForce", "jdk.SocketRead", "jdk.FileRead", "jdk.FileWrite", "jdk.ThreadSleep");
    /** Parts of the work by package, first match wins (the most specific first). */
    private static final String[][] PARTS = {{"lingua (note language)", "com.github.pemistahl.lingua"},
        {"triage", "org.havewemet.triage"}, {"havewemet index", "org.havewemet.index"},
        {"havewemet mailet, replies", "org.havewemet."}, {"lucene", "org.apache.lucene"},
        {"James mailbox search (thread guessing at append)", "org.apache.james.mailbox.store.search"},
        {"James mailbox", "org.apache.james.mailbox"}, {"James SMTP", "org.apache.james.protocols"},
        {"James IMAP", "org.apache.james.imap"}, {"James other", "org.apache.james"}, {"javamail (clients)", "com.sun.mail"},
        {"netty", "io.netty"}, {"reactor", "reactor."}};
    private static final int FRAMES = 5;

    private JfrWaits() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.println("usage: JfrWaits FILE.jfr [thread-name-prefix]");
            return;
        }
        String selected = args.length > 1 ? args[1] : "spooler";
        Map<String, double[]> byThread = new LinkedHashMap<>();
        Map<String, double[]> byStack = new LinkedHashMap<>();
        Map<String, double[]> samplesByThread = new LinkedHashMap<>();
        Map<String, double[]> samplesByPart = new LinkedHashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (WAITS.contains(type)) {
                String thread = group(e.getThread());
                add(byThread, thread + "  " + type, e.getDuration().toNanos() / 1e6);
                if (thread.startsWith(selected)) {
                    add(byStack, type + "  " + stack(e), e.getDuration().toNanos() / 1e6);
                }
            } else if (type.equals("jdk.ExecutionSample")) {
                samples++;
                add(samplesByThread, group(e.getThread("sampledThread")), 1);
                add(samplesByPart, part(e), 1);
            }
        }
        System.out.println("Waits per thread group and event (ms in all, count):");
        print(byThread, 30, 0);
        System.out.println("\nWaits of the " + selected + " threads per stack (ms in all, count):");
        print(byStack, 15, 0);
        System.out.println("\nCPU samples per thread group (" + samples + " in all):");
        print(samplesByThread, 15, samples);
        System.out.println("\nCPU samples per part of the work (first matching frame, most specific part first):");
        print(samplesByPart, 20, samples);
    }

    private static String group(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        StringBuilder folded = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isDigit(c)) {
                if (folded.length() == 0 || folded.charAt(folded.length() - 1) != 'N') {
                    folded.append('N');
                }
            } else {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    /** The first frames outside the JDK (where the thread waited from), or the top frame when all are the JDK's. */
    private static String stack(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return "(no stack)";
        }
        List<String> ours = new ArrayList<>();
        String top = null;
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            String name = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            top = top == null ? name : top;
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")
                && ours.size() < FRAMES) {
                ours.add(name + ":" + f.getLineNumber());
            }
        }
        return ours.isEmpty() ? top + " (JDK only: idle)" : String.join(" <- ", ours);
    }

    private static String part(RecordedEvent e) {
        if (e.getStackTrace() == null) {
            return "(no stack)";
        }
        List<String> frames = e.getStackTrace().getFrames().stream()
            .map(f -> f.getMethod().getType().getName()).toList();
        for (String[] p : PARTS) {
            for (String f : frames) {
                if (f.startsWith(p[1]) && !f.startsWith("org.havewemet.bench")) {
                    return p[0];
                }
            }
        }
        return frames.stream().anyMatch(f -> f.startsWith("org.havewemet.bench")) ? "benchmark clients" : "JDK only";
    }

    private static void add(Map<String, double[]> totals, String key, double amount) {
        double[] t = totals.computeIfAbsent(key, k -> new double[2]);
        t[0] += amount;
        t[1]++;
    }

    private static void print(Map<String, double[]> totals, int top, int percentOf) {
        totals.entrySet().stream()
            .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
            .limit(top)
            .forEach(t -> System.out.println(percentOf > 0
                ? String.format(Locale.ROOT, "  %6.0f %5.1f%%  %s", t.getValue()[0], 100 * t.getValue()[0] / percentOf, t.getKey())
                : String.format(Locale.ROOT, "  %9.0f ms %6.0f  %s", t.getValue()[0], t.getValue()[1], t.getKey())));
    }
}
