package org.havewemet.bench;

import java.time.Duration;

import javax.inject.Inject;

import org.apache.james.GuiceJamesServer;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.GuiceGenericLoader;
import org.apache.james.utils.GuiceProbe;
import org.havewemet.mailet.HaveWeMetRuntime;

/** Reaches the server's havewemet instance, so the clock can wait until havewemet's own work is done too. */
public class BenchProbe implements GuiceProbe {
    private final GuiceGenericLoader extensions;

    /** The runtime is bound in the extensions' injector (GuiceGenericLoader's child), not in the probes' one. */
    @Inject
    public BenchProbe(GuiceGenericLoader extensions) {
        this.extensions = extensions;
    }

    /** Waits until havewemet has finished everything it took on for the mail delivered so far. */
    static void awaitIdle(GuiceJamesServer server, long deadlineNanos) throws InterruptedException {
        HaveWeMetRuntime runtime;
        try {
            runtime = server.getProbe(BenchProbe.class).extensions.instantiate(
                new ClassName(HaveWeMetRuntime.class.getName()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        long left = deadlineNanos - System.nanoTime();
        if (!runtime.awaitIdle(Duration.ofNanos(Math.max(0, left)))) {
            throw new IllegalStateException("havewemet's background work did not finish in time");
        }
    }
}
