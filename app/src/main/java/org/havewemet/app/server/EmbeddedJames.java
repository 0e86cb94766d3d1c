package org.havewemet.app.server;

import java.nio.file.Path;
import java.util.Arrays;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.havewemet.userweb.UserWebOverride;

/**
 * An Apache James 3.8.1 server, assembled like James' memory server ({@code MemoryJamesServerMain}) but keeping its
 * mail on disk under the data directory ({@link PersistentJamesServer}: mailboxes, users, mail queues, mail
 * repositories), with havewemet wired into its mail processing; havewemet's index, ledger and templates live under
 * the data directory too, so everything survives restarts.
 */
public final class EmbeddedJames implements AutoCloseable {
    private final ServerSettings settings;
    private final GuiceJamesServer server;

    private EmbeddedJames(ServerSettings settings, GuiceJamesServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Writes the configuration into {@code DATA/conf} and builds (does not start) the server. */
    public static EmbeddedJames create(ServerSettings settings, boolean withRoutes) {
        new JamesConfWriter(withRoutes).write(settings);
        return new EmbeddedJames(settings, PersistentJamesServer.create(configuration(settings.dataDirectory())));
    }

    /** The James configuration of a data directory whose {@code conf/} was written by {@link JamesConfWriter}. */
    public static MemoryJamesConfiguration configuration(Path dataDirectory) {
        return MemoryJamesConfiguration.builder()
            .workingDirectory(dataDirectory.toAbsolutePath().toFile())
            .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
            .build();
    }

    /**
     * The same server, with each user's own page listening on {@code port} of the bind host whatever
     * {@code userweb.*} of havewemet.yaml says ({@code serve --user-web-port}). Call before {@link #start()}.
     */
    public EmbeddedJames withUserWeb(int port) {
        UserWebOverride listener = new UserWebOverride(settings.bindHost(), port);
        return new EmbeddedJames(settings, server.overrideWith(binder -> binder.bind(UserWebOverride.class)
            .toInstance(listener)));
    }

    public EmbeddedJames start() throws Exception {
        server.start();
        return this;
    }

    /** Creates the domain and the user unless they exist (they do from the second start on: users persist). */
    public void ensureUser(String address, String password) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        String domain = address.substring(address.indexOf('@') + 1);
        if (!data.containsDomain(domain)) {
            data.addDomain(domain);
        }
        if (Arrays.asList(data.listUsers()).stream().noneMatch(address::equalsIgnoreCase)) {
            data.addUser(address, password);
        }
    }

    public int smtpPort() {
        return server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int imapPort() {
        return server.getProbe(ImapGuiceProbe.class).getImapPort();
    }

    public int webadminPort() {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    public ServerSettings settings() {
        return settings;
    }

    public GuiceJamesServer guiceServer() {
        return server;
    }

    @Override
    public void close() {
        server.stop();
    }
}
