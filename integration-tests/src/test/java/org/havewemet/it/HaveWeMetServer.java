package org.havewemet.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.GuiceProbe;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The test fixture of every integration test: a real James 3.8.1 server with havewemet installed
 * ({@link HaveWeMetJames}, one per test class), GreenMail as the outside world it relays its replies to
 * ({@link OutsideWorld}, emptied before each test), and the test's users created once the server is up.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER).yaml(YAML);
 * ...
 * ReplyIt.send(JAMES.smtpPort(), ...); JAMES.outside().receivedBy(...); JAMES.runtime().index()...
 * </pre>
 *
 * Test methods may still take James' own {@code GuiceJamesServer} (or the {@code OutsideWorld}) as a parameter.
 */
public final class HaveWeMetServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {
    private final OutsideWorld outside = new OutsideWorld();
    private final List<String> users;
    private Class<? extends GuiceProbe>[] probes;
    private String yaml = HaveWeMetJames.TEST_YAML;
    private final Map<String, String> confAdditions = new LinkedHashMap<>();
    private HaveWeMetJames james;
    private JamesServerExtension server;

    private HaveWeMetServer(List<String> users) {
        this.users = List.copyOf(users);
    }

    /** A server whose users (password {@link HaveWeMetJames#PASSWORD}) exist before the first test runs. */
    public static HaveWeMetServer withUsers(String... users) {
        return new HaveWeMetServer(List.of(users));
    }

    /** The whole {@code havewemet.yaml} of this server (default {@link HaveWeMetJames#TEST_YAML}). */
    public HaveWeMetServer yaml(String text) {
        notStarted();
        this.yaml = text;
        return this;
    }

    /** Appends {@code text} to James' {@code conf/FILE} (creating it) once havewemet's conf is written. */
    public HaveWeMetServer appendToConf(String file, String text) {
        notStarted();
        confAdditions.merge(file, text, String::concat);
        return this;
    }

    /** Extra probes of the running server, reached with {@link #probe(Class)}. */
    @SafeVarargs
    @SuppressWarnings("varargs") // kept only to be handed on to HaveWeMetJames.extension as they are
    public final HaveWeMetServer probes(Class<? extends GuiceProbe>... extra) {
        notStarted();
        this.probes = extra.clone();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        notStarted();
        james = new HaveWeMetJames(outside, yaml, confAdditions);
        server = probes == null ? james.extension() : james.extension(probes);
        server.beforeAll(context);
        DataProbeImpl data = probe(DataProbeImpl.class);
        for (String user : users) {
            data.addUser(user, HaveWeMetJames.PASSWORD);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.afterEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.afterAll(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return server != null && server.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server.resolveParameter(parameter, context);
    }

    public GuiceJamesServer server() {
        return started().getGuiceJamesServer();
    }

    public <T extends GuiceProbe> T probe(Class<T> type) {
        return server().getProbe(type);
    }

    public int smtpPort() {
        return probe(SmtpGuiceProbe.class).getSmtpPort().getValue();
    }

    public int imapPort() {
        return probe(ImapGuiceProbe.class).getImapPort();
    }

    public int webAdminPort() {
        return probe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    /** The server's havewemet instance: its index, ledger, configuration. */
    public HaveWeMetRuntime runtime() {
        return probe(HaveWeMetProbe.class).runtime();
    }

    /** Where the replies go: GreenMail, emptied before each test. */
    public OutsideWorld outside() {
        return outside;
    }

    /** James' working directory (conf/, var/havewemet/). */
    public Path dataDirectory() {
        started();
        return james.dataDirectory();
    }

    public Path indexDirectory() {
        started();
        return james.indexDirectory();
    }

    private JamesServerExtension started() {
        if (server == null) {
            throw new IllegalStateException("the server starts in beforeAll: register HaveWeMetServer on a static"
                + " field with @RegisterExtension");
        }
        return server;
    }

    private void notStarted() {
        if (server != null) {
            throw new IllegalStateException("HaveWeMetServer is configured before it starts, and starts once");
        }
    }
}
