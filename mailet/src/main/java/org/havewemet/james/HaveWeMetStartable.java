package org.havewemet.james;

import java.util.Optional;

import javax.annotation.PreDestroy;

import org.apache.james.events.EventBus;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.UserDefinedStartable;
import org.havewemet.config.UserWebConfig;
import org.havewemet.mailet.CorrectionListener;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.userweb.UserWebOverride;
import org.havewemet.userweb.UserWebServer;

import com.google.inject.Inject;

/**
 * Starts havewemet with James ({@code guice.extension.startable} in {@code conf/extensions.properties}): loads the
 * configuration, opens the index, the ledger and the templates, starts the index write queue, the digest scheduler,
 * the retention timer and the configuration file watcher; James stops the runtime at shutdown through its
 * {@code @PreDestroy}. James 3.8.1 runs startables after it has initialised the mail processors and started the
 * spooler, so a mail that arrives in between starts the runtime itself (once, the same way).
 * A configuration named explicitly that is missing or invalid fails James' start, naming the file and the problem.
 * With {@code userweb.port} set it also starts each user's own page on that listener, and stops it with James.
 */
public class HaveWeMetStartable implements UserDefinedStartable {
    private final HaveWeMetRuntime runtime;
    private final MetricFactory metrics;
    private final EventBus events;
    private final UsersRepository users;
    private Optional<UserWebOverride> userWebOverride = Optional.empty();
    private volatile UserWebServer userWeb;

    @Inject
    public HaveWeMetStartable(HaveWeMetRuntime runtime, MetricFactory metrics, EventBus events,
                              UsersRepository users) {
        this.runtime = runtime;
        this.metrics = metrics;
        this.events = events;
        this.users = users;
    }

    /** Bound by the demo server only ({@code serve --user-web-port}). */
    @Inject(optional = true)
    void userWebOverride(UserWebOverride override) {
        this.userWebOverride = Optional.of(override);
    }

    @Override
    public void start() {
        runtime.onBackgroundFailure(() -> metrics.generate("havewemet_failures").increment());
        runtime.start();
        // The extension's injector is a child of James': its listeners are registered here, not by listeners.xml.
        events.register(new CorrectionListener(runtime));
        UserWebConfig userWebConfig = userWebOverride.map(o -> new UserWebConfig(o.port(), o.bind()))
            .orElse(runtime.config().userweb());
        if (userWebConfig.enabled()) {
            userWeb = UserWebServer.start(userWebConfig, runtime, users, runtime.clock());
        }
    }

    /** The users' page is stopped before the runtime (created first, so stopped last) closes the index. */
    @PreDestroy
    public void stop() {
        UserWebServer running = userWeb;
        userWeb = null;
        if (running != null) {
            running.close();
        }
    }

    /** The port of the users' page; empty while it is off. */
    public Optional<Integer> userWebPort() {
        return Optional.ofNullable(userWeb).map(UserWebServer::port);
    }
}
