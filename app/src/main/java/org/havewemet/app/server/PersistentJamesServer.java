package org.havewemet.app.server;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.NaiveDelegationStoreModule;
import org.apache.james.modules.MailboxModule;
import org.apache.james.modules.MailetProcessingModule;
import org.apache.james.modules.eventstore.MemoryEventStoreModule;
import org.apache.james.modules.server.DKIMMailetModule;
import org.apache.james.modules.server.DLPRoutesModule;
import org.apache.james.modules.server.DataRoutesModules;
import org.apache.james.modules.server.DefaultProcessorsConfigurationProviderModule;
import org.apache.james.modules.server.MailQueueRoutesModule;
import org.apache.james.modules.server.MailRepositoriesRoutesModule;
import org.apache.james.modules.server.MailboxRoutesModule;
import org.apache.james.modules.server.NoJwtModule;
import org.apache.james.modules.server.RawPostDequeueDecoratorModule;
import org.apache.james.modules.server.SieveRoutesModule;
import org.apache.james.modules.server.TaskManagerModule;
import org.apache.james.modules.server.VacationRoutesModule;
import org.apache.james.modules.server.WebAdminServerModule;
import org.apache.james.server.core.configuration.Configuration;

import com.google.inject.Module;
import com.google.inject.util.Modules;

/**
 * The James server of {@code havewemet serve}: James 3.8.1's memory server as {@code MemoryJamesServerMain}
 * assembles it (protocols, mailet container, WebAdmin), with its storage replaced by storage on disk under the data
 * directory. Mailboxes, users, domains and aliases: {@link PersistentMailboxModule} and
 * {@link PersistentDataModule} (JPA on embedded Derby); mail queues: {@link PersistentQueueModule} (ActiveMQ on
 * KahaDB); mail repositories: files. Left out, because they need what only the memory mailbox offers (message ids
 * across mailboxes): JMAP, the deleted-messages vault and mailbox export.
 */
public final class PersistentJamesServer {

    private PersistentJamesServer() {
    }

    /** Builds (does not start) the server on a working directory whose {@code conf/} is written. */
    public static GuiceJamesServer create(Configuration configuration) {
        return GuiceJamesServer.forConfiguration(configuration)
            .combineWith(storage(), processing(), MemoryJamesServerMain.PROTOCOLS, webAdmin());
    }

    /** Everything that keeps state on disk. */
    static Module storage() {
        return Modules.combine(
            new PersistentMailboxModule(),
            new PersistentDataModule(),
            new PersistentQueueModule());
    }

    private static Module processing() {
        return Modules.combine(
            new MailetProcessingModule(),
            new MailboxModule(),
            new NaiveDelegationStoreModule(),
            new MemoryEventStoreModule(),
            new RawPostDequeueDecoratorModule(),
            new DefaultProcessorsConfigurationProviderModule(),
            new TaskManagerModule(),
            new DKIMMailetModule());
    }

    /** The memory server's WebAdmin routes but those of the left-out parts (vault, export, JMAP identities). */
    private static Module webAdmin() {
        return Modules.combine(
            new WebAdminServerModule(),
            new NoJwtModule(),
            new DataRoutesModules(),
            new VacationRoutesModule(),
            new DLPRoutesModule(),
            new MailboxRoutesModule(),
            new MailQueueRoutesModule(),
            new MailRepositoriesRoutesModule(),
            new SieveRoutesModule());
    }
}
