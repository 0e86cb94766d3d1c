package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.annotation.PreDestroy;
import javax.inject.Named;
import javax.inject.Provider;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.server.core.configuration.ConfigurationProvider;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.havewemet.config.ConfigException;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.reply.LedgerStore;
import org.havewemet.triage.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.inject.Inject;

/**
 * The one havewemet instance of a James server: the stores (index, its write queue, reply ledger) and the current
 * {@link Snapshot} of everything built from the configuration. {@code HaveWeMetModule} binds it as a singleton of
 * the extension's injector, so the mailets, the WebAdmin routes and the tasks share it; the extension's startable
 * starts it when James starts, and James stops it ({@link PreDestroy}) when James stops. Mailets never start or
 * stop it. Data lives under the James working directory: {@code var/havewemet/index}, {@code var/havewemet/ledger},
 * {@code var/havewemet/templates}.
 */
public class HaveWeMetRuntime {
    public static final String DEFAULT_CONFIG = ConfigLocation.DEFAULT;
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);
    static final int RECORDED_CORRESPONDENTS = 10_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(HaveWeMetRuntime.class);

    private final FileSystem fileSystem;
    private final Optional<ConfigurationProvider> jamesConfiguration;
    private final Supplier<SnapshotFactory> snapshotFactory;
    private final Supplier<MailboxManager> mailboxManager;
    private volatile SnapshotFactory snapshots;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    /** Correspondents already written since start: ordinary mail from the same person is not rewritten each time. */
    private final RecentSet recordedCorrespondents = new RecentSet(RECORDED_CORRESPONDENTS);
    private volatile Stores stores;
    private volatile ConfigLocation location;
    private volatile ConfigWatcher watcher;
    private volatile Optional<String> lastReloadError = Optional.empty();
    private volatile Runnable onBackgroundFailure = () -> { };
    private volatile boolean declared;
    private volatile boolean stopped;

    /**
     * James' services come as providers, resolved at start: the runtime is created with the extension's injector,
     * before James' mailbox and mail processing exist (some of which are built by that same injector's loader).
     */
    @Inject
    public HaveWeMetRuntime(FileSystem fileSystem, @Named("mailboxmanager") Provider<MailboxManager> mailboxManager,
                            Provider<UsersRepository> users, Provider<MailetContext> context,
                            ConfigurationProvider jamesConfiguration, Provider<RecipientRewriteTable> rewriteTable,
                            AutomaticallySentMailDetector detector, Clock clock) {
        this.fileSystem = fileSystem;
        this.jamesConfiguration = Optional.of(jamesConfiguration);
        this.mailboxManager = mailboxManager::get;
        this.snapshotFactory = () -> new SnapshotFactory(mailboxManager.get(), users.get(), context.get(),
            UserAliases.of(rewriteTable.get()), detector, clock);
        this.clock = clock;
    }

    HaveWeMetRuntime(FileSystem fileSystem, MailboxManager mailboxManager, UsersRepository users,
                     MailetContext context, Optional<ConfigurationProvider> jamesConfiguration, UserAliases aliases,
                     AutomaticallySentMailDetector detector, Clock clock) {
        this.fileSystem = fileSystem;
        this.jamesConfiguration = jamesConfiguration;
        this.mailboxManager = () -> mailboxManager;
        this.snapshotFactory = () -> new SnapshotFactory(mailboxManager, users, context, aliases, detector, clock);
        this.clock = clock;
    }

    /** Called by Guice when {@code HaveWeMetModule} is installed (conf/extensions.properties names it). */
    @Inject(optional = true)
    void declaredBy(ExtensionDeclared marker) {
        declared = true;
    }

    /** Whether James loaded havewemet's extension module; without it the mailets refuse to start. */
    public boolean isDeclared() {
        return declared;
    }

    /**
     * Loads the configuration named by the {@code config} parameter of TriageInvitations in James'
     * {@code mailetcontainer.xml} (else the default location), opens the stores and starts watching the file.
     *
     * @throws IllegalStateException naming the file and the problem when the configuration is invalid, or was named
     *                               explicitly and does not exist, or when the data cannot be opened
     */
    public synchronized void start() {
        if (stores != null) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("havewemet is stopped: James is shutting down");
        }
        Optional<String> named = jamesConfiguration.flatMap(TriageMailetParameters::config);
        ConfigLocation config = ConfigLocation.resolve(fileSystem, named.orElse(DEFAULT_CONFIG), named.isPresent());
        start(config);
    }

    synchronized void start(ConfigLocation config) {
        if (stores != null) {
            return;
        }
        HaveWeMetConfig loaded;
        try {
            loaded = config.load();
        } catch (ConfigException e) {
            throw new IllegalStateException("havewemet: invalid configuration " + config.describe() + "\n"
                + e.getMessage(), e);
        }
        Path base = dataDirectory();
        try {
            stores = Stores.open(base, Duration.ofSeconds(loaded.index().commitIntervalSeconds()), loaded.storage(),
                () -> onBackgroundFailure.run());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("havewemet: cannot open its data under " + base + ": " + e.getMessage(), e);
        }
        location = config;
        snapshots = snapshotFactory.get();
        snapshot.set(snapshots.build(stores, loaded, config.file().getParent()));
        try {
            watcher = ConfigWatcher.start(config.file(), this::reload);
        } catch (IOException e) {
            LOGGER.warn("havewemet: cannot watch {}; edits take effect at the next start", config.file(), e);
        }
        LOGGER.info("havewemet started: configuration {}, data {}", config.file(), base.resolve("var/havewemet"));
    }

    /**
     * Applies an edited configuration file without restarting James: builds a new snapshot and swaps it in at once;
     * a file with errors is logged and ignored (the running configuration stays). Called by the file watcher. The
     * stores stay open; index settings that need a reopen take effect at the next start.
     */
    public synchronized void reload() {
        Snapshot current = snapshot.get();
        ConfigLocation config = location;
        if (current == null || config == null) {
            return;
        }
        try {
            HaveWeMetConfig loaded = config.exists() || !config.explicit() ? config.load()
                : current.config();
            Snapshot next = snapshots.build(stores, loaded, config.file().getParent());
            snapshot.set(next);
            current.retire();
            lastReloadError = Optional.empty();
            LOGGER.info("havewemet: configuration {} reloaded", config.file());
        } catch (ConfigException | RuntimeException e) {
            lastReloadError = Optional.of(e.getMessage());
            LOGGER.error("havewemet: {} changed but is invalid; keeping the running configuration\n{}",
                config.file(), e.getMessage());
        }
    }

    /** Why the last edit of the configuration file was refused; empty when the running configuration is the file's. */
    public Optional<String> lastReloadError() {
        return lastReloadError;
    }

    private Path dataDirectory() {
        return ConfigLocation.jamesHome(fileSystem);
    }

    /** Stops with James: flushes the queued index writes, then closes the timers and the stores. */
    @PreDestroy
    public synchronized void stop() {
        stopped = true;
        Snapshot current = snapshot.getAndSet(null);
        Stores open = stores;
        stores = null;
        recordedCorrespondents.clear();
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
        if (current != null) {
            current.retire();
        }
        if (open != null) {
            open.close();
            LOGGER.info("havewemet stopped");
        }
    }

    static void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOGGER.warn("havewemet: could not close the {} cleanly", what, e);
        }
    }

    /**
     * The snapshot to use for one whole mail or request.
     *
     * @throws IllegalStateException when havewemet cannot start, or James is stopping
     */
    public Snapshot current() {
        Snapshot current = snapshot.get();
        if (current != null) {
            return current;
        }
        // James 3.8.1 initialises the mail processors and starts its spooler before it runs the extension's
        // startables: a mail (or a WebAdmin call) that comes first starts havewemet itself, once.
        synchronized (this) {
            if (snapshot.get() == null) {
                LOGGER.info("havewemet: starting on first use, before James ran the extension's startable");
                start();
            }
            return snapshot.get();
        }
    }

    public static final String NOT_DECLARED = "havewemet is not declared: conf/extensions.properties must name"
        + " guice.extension.module=org.havewemet.james.HaveWeMetModule and"
        + " guice.extension.startable=org.havewemet.james.HaveWeMetStartable";

    private Stores stores() {
        current();
        return stores;
    }

    public boolean isStarted() {
        return snapshot.get() != null;
    }

    /** The configuration file in use (and whether the admin named it). */
    public ConfigLocation configLocation() {
        current();
        return location;
    }

    public HaveWeMetConfig config() {
        return current().config();
    }

    public Triage triage() {
        return current().triage();
    }

    public Folders folders() {
        return current().folders();
    }

    public InvitationResponder responder() {
        return current().responder();
    }

    AnswerFlow answers() {
        return current().answers();
    }

    public InvitationRecorder recorder() {
        return current().recorder();
    }

    /**
     * The invitation index, once every write queued so far is searchable (read-your-writes for WebAdmin and tools).
     * Callers may also erase people through it, so the memory of already recorded correspondents is dropped.
     */
    public InvitationIndex index() {
        Stores open = stores();
        awaitWrites(open);
        recordedCorrespondents.clear();
        return open.index();
    }

    private static void awaitWrites(Stores open) {
        try {
            if (!open.writes().flush(FLUSH_TIMEOUT)) {
                LOGGER.warn("havewemet: index writes still queued after {}; reading without them", FLUSH_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public LedgerStore ledger() {
        return stores().ledger();
    }

    /** The mass inviters of this server ({@code bulk.*}): inviter, name, headline, profile, counts, first/last seen. */
    public List<Map<String, Object>> bulkInviters() {
        return stores().bulk().bulk();
    }

    /**
     * Forgets what the mass-inviter count and every user's corrections learned about the person with this address
     * or profile link (erasure); returns how many inviters and corrections were dropped.
     */
    public int eraseFromBulkInviters(String addressOrProfile) throws IOException {
        return stores().bulk().erase(addressOrProfile)
            + stores().learning().erase(InviterIdentity.erasable(addressOrProfile));
    }

    /**
     * Records that {@code user} moved the invitation with this Message-ID to {@code target} (PRIORITY, UNEXPLAINED,
     * SPAM or INBOX): the index record gets the verdict the folder means and the reason USER_CORRECTION, and the
     * user's relations and model learn from it. A mail havewemet did not record as an invitation is ignored; so is
     * everything when {@code learning.enabled} is false. Returns whether it was a correction.
     */
    public boolean correct(String user, String messageId, String target) {
        if (!config().learning().enabled()) {
            return false;
        }
        try {
            boolean corrected = correctionRecorder().record(user, messageId, target, clock.instant());
            if (corrected) {
                LOGGER.info("havewemet: a user corrected an invitation to {}", target);
            }
            return corrected;
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("havewemet could not record a correction", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Records corrections into the index (every queued write already searchable) and the users' learning. */
    CorrectionRecorder correctionRecorder() {
        Stores open = stores();
        return new CorrectionRecorder(index(), open.writes(), open.learning());
    }

    public TemplateStore templates() {
        return current().templates();
    }

    /** The data directory of James (its working directory); havewemet's data is under {@code var/havewemet}. */
    public Path base() {
        return stores().base();
    }

    /** James' mailboxes, for tasks that read a user's own mail (backfill, reindex). */
    public MailboxManager mailboxManager() {
        return mailboxManager.get();
    }

    /** Queues one invitation document for the index, the way the mailet records one (journaled first). */
    public void record(InvitationRecord record) throws IOException, InterruptedException {
        stores().writes().submitRecord(record);
    }

    /** Sends one user's digest now, whatever the schedule; returns the number of items in it. */
    public int sendDigest(String user) throws Exception {
        return current().digest().sendNow(user);
    }

    /**
     * Remembers that {@code user} corresponds with this person (queued for the index; searchable as known at once);
     * one already recorded since start is not written again. Failures are logged, never thrown.
     */
    public void recordCorrespondent(String user, String address, String displayName) {
        String owner = user.toLowerCase(Locale.ROOT);
        String key = owner + '\u0000' + address + '\u0000' + displayName;
        if (recordedCorrespondents.contains(key)) {
            return;
        }
        try {
            stores().writes().addCorrespondent(owner, address, displayName);
            recordedCorrespondents.add(key);
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("havewemet could not record a correspondent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOGGER.warn("havewemet: interrupted while recording a correspondent", e);
        }
    }

    /** Counts failures of work done off the spool threads (index writes), e.g. into {@code havewemet_failures}. */
    public void onBackgroundFailure(Runnable listener) {
        this.onBackgroundFailure = listener;
    }

    /**
     * Waits until the work havewemet took on for the mail processed so far is finished (for benchmarks and tests
     * that must not stop a clock early); true when idle within the timeout.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Stores open = stores;
        return open == null || open.writes().flush(timeout);
    }

    public Clock clock() {
        return clock;
    }
}
