package org.havewemet.it.hardening.crash;

import org.apache.activemq.store.PersistenceAdapter;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.james.queue.activemq.ActiveMQMailQueueFactory;
import org.apache.james.queue.activemq.EmbeddedActiveMQ;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollector;
import org.apache.james.queue.activemq.metric.ActiveMQMetricCollectorNoop;
import org.apache.james.queue.api.MailQueue;
import org.apache.james.queue.api.MailQueueFactory;
import org.apache.james.queue.api.ManageableMailQueue;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;

/**
 * Replaces the memory server's in-RAM mail queues (the spool and RemoteDelivery's "outgoing") by James' own
 * ActiveMQ mail queues on an embedded broker that keeps them in KahaDB under {@code DATA/var/store/activemq}, so a
 * mail accepted over SMTP outlives a {@code kill -9}. James 3.8.1 publishes the queue ({@code
 * james-server-queue-activemq}) but not its Guice module, hence this one. The broker itself is James' {@link
 * EmbeddedActiveMQ} (persistent, prefetch 0, message bodies as blob files), exactly as James' ActiveMQ-based apps
 * run it; only the metric collector is the no-op one (no JMX in a test).
 */
final class PersistentQueueModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PersistenceAdapter.class).to(KahaDBPersistenceAdapter.class);
        bind(KahaDBPersistenceAdapter.class).in(Scopes.SINGLETON);
        bind(EmbeddedActiveMQ.class).in(Scopes.SINGLETON);
        bind(ActiveMQMetricCollector.class).to(ActiveMQMetricCollectorNoop.class);
        bind(ActiveMQMailQueueFactory.class).in(Scopes.SINGLETON);
    }

    /** The one factory behind the three keys the memory server binds its own queue factory to. */
    @Provides
    @Singleton
    MailQueueFactory<? extends ManageableMailQueue> manageableQueues(ActiveMQMailQueueFactory factory) {
        factory.setUseJMX(false);
        factory.init();
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<?> anyQueues(MailQueueFactory<? extends ManageableMailQueue> factory) {
        return factory;
    }

    @Provides
    @Singleton
    MailQueueFactory<? extends MailQueue> queues(MailQueueFactory<? extends ManageableMailQueue> factory) {
        return factory;
    }
}
