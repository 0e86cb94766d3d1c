package org.havewemet.app.server;

import java.io.File;
import java.io.FileNotFoundException;
import java.util.Map;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.james.filesystem.api.FileSystem;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * The one JPA {@link EntityManagerFactory} of the persistent server: James' JPA mailbox, users, domains, aliases and
 * mail repository URLs in an embedded Apache Derby database under {@code DATA/var/store/derby}. The persistence unit
 * ({@code META-INF/persistence.xml}, {@value #PERSISTENCE_UNIT}) lists James' JPA entities; its tables are created
 * on first start. James' own JPA Guice module reads {@code james-database.properties}; the embedded server has
 * exactly one database, so this module needs no configuration file.
 */
public final class DerbyDatabaseModule extends AbstractModule {
    static final String PERSISTENCE_UNIT = "havewemet-james";
    /** Relative to the James working directory (the data directory). */
    static final String DATABASE_LOCATION = "file://var/store/derby";
    static final String DERBY_LOG_PROPERTY = "derby.stream.error.file";

    @Override
    protected void configure() {
        bind(DerbyDatabase.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    EntityManagerFactory entityManagerFactory(DerbyDatabase database) {
        return database.entityManagerFactory();
    }

    /**
     * Opens the database once and closes it when James stops ({@code @PreDestroy}, after everything that uses it), so
     * the next start needs no crash recovery. Constructor-injected so that James' lifecycle sees the annotation.
     */
    static final class DerbyDatabase {
        private final EntityManagerFactory entityManagerFactory;

        @Inject
        DerbyDatabase(FileSystem fileSystem) throws FileNotFoundException {
            File directory = fileSystem.getFile(DATABASE_LOCATION).getAbsoluteFile();
            // Derby writes derby.log into the current directory unless told otherwise: keep it beside the database.
            // A JVM-wide setting read once by Derby's engine; the first server of a JVM decides.
            if (System.getProperty(DERBY_LOG_PROPERTY) == null) {
                File parent = directory.getParentFile();
                if (parent != null && (parent.isDirectory() || parent.mkdirs())) {
                    System.setProperty(DERBY_LOG_PROPERTY, new File(parent, "derby.log").getPath());
                }
            }
            this.entityManagerFactory = Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, Map.of(
                "openjpa.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver",
                "openjpa.ConnectionURL", "jdbc:derby:" + directory.getPath() + ";create=true",
                "openjpa.Multithreaded", "true"));
        }

        EntityManagerFactory entityManagerFactory() {
            return entityManagerFactory;
        }

        /** OpenJPA shuts the embedded Derby database down when its factory closes (DerbyDictionary). */
        @PreDestroy
        void close() {
            if (entityManagerFactory.isOpen()) {
                entityManagerFactory.close();
            }
        }
    }
}
