package org.havewemet.james;

import javax.inject.Inject;

import org.apache.james.events.EventBus;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.utils.UserDefinedStartable;
import org.havewemet.mailet.CorrectionListener;
import org.havewemet.mailet.HaveWeMetRuntime;

/**
 * Starts havewemet with James ({@code guice.extension.startable} in {@code conf/extensions.properties}): loads the
 * configuration, opens the index, the ledger and the templates, starts the index write queue, the digest scheduler,
 * the retention timer and the configuration file watcher; James stops the runtime at shutdown through its
 * {@code @PreDestroy}. James 3.8.1 runs startables after it has initialised the mail processors and started the
 * spooler, so a mail that arrives in between starts the runtime itself (once, the same way).
 * A configuration named explicitly that is missing or invalid fails James' start, naming the file and the problem.
 */
public class HaveWeMetStartable implements UserDefinedStartable {
    private final HaveWeMetRuntime runtime;
    private final MetricFactory metrics;
    private final EventBus events;

    @Inject
    public HaveWeMetStartable(HaveWeMetRuntime runtime, MetricFactory metrics, EventBus events) {
        this.runtime = runtime;
        this.metrics = metrics;
        this.events = events;
    }

    @Override
    public void start() {
        runtime.onBackgroundFailure(() -> metrics.generate("havewemet_failures").increment());
        runtime.start();
        // The extension's injector is a child of James': its listeners are registered here, not by listeners.xml.
        events.register(new CorrectionListener(runtime));
    }
}
