package org.havewemet.app.server;

import javax.inject.Inject;

import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.MailQueueItemDecoratorFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

/**
 * The mail queues on disk, in place of the memory server's {@code MemoryMailQueueModule}: James' ActiveMQ mail
 * queue ({@code james-server-queue-activemq}) on the broker of {@link SpoolBroker}. James 3.8.1 publishes the queue
 * but not its Guice module. The integration tests' crash harness has an older copy of this idea
 * ({@code PersistentQueueModule} in integration-tests, on James' {@code EmbeddedActiveMQ}); this one is the
 * product's.
 */
public final class PersistentQueueModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(SpoolBroker.class).in(Scopes.SINGLETON);
        bind(SpoolQueueFactory.class).in(Scopes.SINGLETON);
    }

    /** The one factory behind the three keys James asks for a mail queue factory by. */
    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableQueues(SpoolQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> anyQueues(SpoolQueueFactory factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> queues(SpoolQueueFactory factory) {
        return factory;
    }

    /**
     * James' ActiveMQ queue factory on our broker, without JMX (the embedded server registers no MBeans) and
     * without broker metrics. Constructor-injected, so James' lifecycle closes its queues on stop.
     */
    static final class SpoolQueueFactory extends ActiveMQMailQueueFactory {
        @Inject
        SpoolQueueFactory(SpoolBroker broker, MailQueueItemDecoratorFactory decorators, MetricFactory metrics,
                          GaugeRegistry gauges) {
            super(broker.connectionFactory(), decorators, metrics, gauges, new ActiveMQMetricCollectorNoop());
            setUseJMX(false);
            init();
        }
    }
}
