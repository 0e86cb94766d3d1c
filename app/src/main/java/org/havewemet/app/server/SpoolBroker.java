package org.havewemet.app.server;

import java.io.File;
import java.io.FileNotFoundException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.jms.ConnectionFactory;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.ActiveMQPrefetchPolicy;
import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.plugin.StatisticsBrokerPlugin;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;
import org.apache.activemq.usage.SystemUsage;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.queue.activemq.FileSystemBlobTransferPolicy;

/**
 * The embedded ActiveMQ broker that holds the persistent server's mail queues (the spool and RemoteDelivery's
 * {@code outgoing}) in KahaDB under {@code DATA/var/store/activemq/}, message bodies as blob files beside it.
 * KahaDB syncs its journal before it acknowledges a write, so a mail accepted over SMTP is on disk when James
 * answers 250. Set up as James' own {@code EmbeddedActiveMQ} (persistent, prefetch 0, blob messages, statistics for
 * the queue sizes WebAdmin shows), with two differences: each broker of a JVM gets its own name, so two servers can
 * run in one JVM (tests), and it listens on no TCP port (James' opens one on localhost; nothing here connects to it).
 */
final class SpoolBroker {
    static final String KAHADB_LOCATION = "file://var/store/activemq/brokers/KahaDB";
    static final String BROKERS_LOCATION = "file://var/store/activemq/brokers";
    static final String BLOB_LOCATION = "file://var/store/activemq/blob-transfer";
    private static final AtomicInteger BROKERS_IN_THIS_JVM = new AtomicInteger();

    private final BrokerService broker;
    private final ActiveMQConnectionFactory connectionFactory;

    @Inject
    SpoolBroker(FileSystem fileSystem) throws Exception {
        String name = "havewemet-spool-" + BROKERS_IN_THIS_JVM.incrementAndGet();
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(fileSystem.getFile(KAHADB_LOCATION));
        broker = new BrokerService();
        broker.setBrokerName(name);
        broker.setBrokerId(name);
        broker.setPersistent(true);
        broker.setPersistenceAdapter(kahaDb);
        broker.setDataDirectoryFile(fileSystem.getFile(BROKERS_LOCATION));
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setSchedulerSupport(false);
        broker.setEnableStatistics(true);
        broker.setPlugins(new BrokerPlugin[] {new StatisticsBrokerPlugin()});
        limitUsage(kahaDb.getDirectory());
        broker.start();
        broker.waitUntilStarted();

        connectionFactory = new ActiveMQConnectionFactory("vm://" + name + "?create=false");
        connectionFactory.setTrustAllPackages(false);
        connectionFactory.setBlobTransferPolicy(blobTransferPolicy(fileSystem));
        ActiveMQPrefetchPolicy prefetch = new ActiveMQPrefetchPolicy();
        prefetch.setQueuePrefetch(0);
        prefetch.setTopicPrefetch(0);
        connectionFactory.setPrefetchPolicy(prefetch);
    }

    /**
     * The limits ActiveMQ would fall back to itself, with a WARN at every start, when its defaults (1 GB of heap,
     * 100 GB of disk) exceed what this JVM and this disk have: at most 70% of the heap, at most 95% of the free disk.
     */
    private void limitUsage(File kahaDbDirectory) {
        SystemUsage usage = broker.getSystemUsage();
        long heap = Runtime.getRuntime().maxMemory();
        usage.getMemoryUsage().setLimit(Math.min(usage.getMemoryUsage().getLimit(), heap / 10 * 7));
        File existing = kahaDbDirectory.getAbsoluteFile();
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        if (existing != null && existing.getUsableSpace() > 0) {
            long free = existing.getUsableSpace() / 100 * 95; // what other writers take meanwhile
            usage.getStoreUsage().setLimit(Math.min(usage.getStoreUsage().getLimit(), free));
        }
    }

    private static FileSystemBlobTransferPolicy blobTransferPolicy(FileSystem fileSystem) throws FileNotFoundException {
        FileSystemBlobTransferPolicy policy = new FileSystemBlobTransferPolicy();
        policy.setDefaultUploadUrl(BLOB_LOCATION);
        policy.setFileSystem(fileSystem);
        return policy;
    }

    ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** After the queue factory and the spooler (James stops what was created first last). */
    @PreDestroy
    void stop() throws Exception {
        broker.stop();
        broker.waitUntilStopped();
    }
}
