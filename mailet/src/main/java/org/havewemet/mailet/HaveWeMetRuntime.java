package org.havewemet.mailet;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.havewemet.config.ConfigException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.reply.RateLimiter;
import org.havewemet.reply.ReplyLedger;
import org.havewemet.reply.ReplyPolicy;
import org.havewemet.reply.ReplySettings;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Triage;
import org.havewemet.triage.profile.PlatformProfiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one havewemet instance of a James server: configuration, triage, responder, index and ledger. Guice creates
 * it once (a just-in-time singleton in the root injector), so the mailet and the WebAdmin routes share it.
 * Data lives under the James working directory: {@code var/havewemet/index}, {@code var/havewemet/ledger},
 * {@code var/havewemet/templates}.
 */
@Singleton
public class HaveWeMetRuntime {
    public static final String DEFAULT_CONFIG = "file://conf/havewemet.yaml";
    private static final Logger LOGGER = LoggerFactory.getLogger(HaveWeMetRuntime.class);

    private final FileSystem fileSystem;
    private final MailboxManager mailboxManager;
    private final UsersRepository users;
    private final Clock clock;
    static final Duration RELOAD_CHECK_INTERVAL = Duration.ofSeconds(2);
    private volatile State state;
    private volatile Instant nextReloadCheck = Instant.MIN;
    private volatile Optional<String> lastReloadError = Optional.empty();
    private volatile Runnable onBackgroundFailure = () -> { };
    /** Correspondents already written since start: ordinary mail from the same person is not rewritten each time. */
    private final RecentSet recordedCorrespondents = new RecentSet(RECORDED_CORRESPONDENTS);
    static final int RECORDED_CORRESPONDENTS = 10_000;
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    /** Everything built from one configuration. */
    private record State(String configLocation, HaveWeMetConfig config, Folders folders, Triage triage,
                         InvitationIndex index, ReplyLedger ledger, TemplateStore templates,
                         InvitationResponder responder, InvitationRecorder recorder, DigestService digest,
                         AnswerFlow answers, RetentionPurger retention, Stores stores, long configStamp) {
    }

    @Inject
    public HaveWeMetRuntime(FileSystem fileSystem, @Named("mailboxmanager") MailboxManager mailboxManager,
                            UsersRepository users) {
        this(fileSystem, mailboxManager, users, Clock.systemUTC());
    }

    HaveWeMetRuntime(FileSystem fileSystem, MailboxManager mailboxManager, UsersRepository users, Clock clock) {
        this.fileSystem = fileSystem;
        this.mailboxManager = mailboxManager;
        this.users = users;
        this.clock = clock;
    }

    /** Loads the configuration and opens the stores; a second call with the same location is a no-op. */
    public synchronized void start(String configLocation, MailetContext context) throws MessagingException {
        if (state != null) {
            if (!state.configLocation().equals(configLocation)) {
                LOGGER.warn("havewemet is already started with {}; ignoring {}", state.configLocation(), configLocation);
            }
            return;
        }
        Path configFile = resolve(configLocation);
        HaveWeMetConfig config;
        long stamp = ConfigFileStamp.of(configFile);
        try {
            config = ConfigLoader.loadOrDefaults(configFile);
        } catch (ConfigException e) {
            throw new MessagingException("havewemet: invalid configuration " + configFile + "\n" + e.getMessage(), e);
        }
        Path base = dataDirectory();
        try {
            InvitationIndex index = InvitationIndex.open(base.resolve("var/havewemet/index"),
                Duration.ofSeconds(config.index().commitIntervalSeconds()));
            ReplyLedger ledger = ReplyLedger.open(ReplyLedger.defaultDirectory(base));
            IndexWriteQueue writes = new IndexWriteQueue(index, IndexWriteQueue.DEFAULT_CAPACITY,
                IndexWriteQueue.DEFAULT_LINGER, () -> onBackgroundFailure.run());
            state = build(new Stores(configLocation, configFile, base, context, index, ledger, writes), config, stamp);
            LOGGER.info("havewemet started: configuration {}, data {}", configFile, base.resolve("var/havewemet"));
        } catch (IOException | RuntimeException e) {
            throw new MessagingException("havewemet: cannot open its data under " + base + ": " + e.getMessage(), e);
        }
    }

    /** What outlives a configuration change: where things are, and the stores that are opened once. */
    private record Stores(String configLocation, Path configFile, Path base, MailetContext context,
                          InvitationIndex index, ReplyLedger ledger, IndexWriteQueue writes) {
    }

    /** Everything that depends on the configuration, built on the stores that stay open. */
    private State build(Stores stores, HaveWeMetConfig config, long stamp) {
        Path base = stores.base();
        InvitationIndex index = stores.index();
        ReplyLedger ledger = stores.ledger();
        TemplateStore templates = TemplateStore.create(config.templates(), base, clock);
        PlatformProfiles profiles = TriageFactory.profiles(config, stores.configFile().getParent());
        IndexWriteQueue writes = stores.writes();
        // Correspondents still queued for the index count as known too: a lookup never misses a recorded one.
        Triage triage = TriageFactory.triage(config, profiles, (user, email, name) ->
                writes.isPendingCorrespondent(user, email, name) || index.isKnownUnchecked(user, email, name));
        Folders folders = new Folders(config.folders().priority(), config.folders().unexplained(),
            config.folders().suspicious(), config.folders().drafts());
        ReplySettings replySettings = new ReplySettings(config.replies().enabled(), config.replies().dryRun(),
            Set.copyOf(config.replies().optOut()), config.patterns().neverAnswer()::matches,
            Duration.ofDays(config.replies().periodDays()));
        ReplyPolicy policy = new ReplyPolicy(ledger,
            new RateLimiter(clock, config.replies().ratePerHour(), config.replies().globalRatePerHour()), clock);
        InvitationResponder responder = new ReplyService(policy, ledger, replySettings, config.replies(),
            templates, new MailboxDrafts(mailboxManager), folders.drafts(), stores.context(), clock,
            platform -> displayName(profiles, platform));
        DigestService digest = new DigestService(config.digest(),
            Duration.ofDays(config.replies().answerWaitDays()), index, stores.writes(), ledger, templates,
            stores.context(), users,
            clock, base.resolve("var/havewemet/digest.properties"));
        return new State(stores.configLocation(), config, folders, triage, index, ledger, templates, responder,
            new IndexRecorder(writes, clock), digest,
            new AnswerFlow(ledger, index, writes, new MailboxMover(mailboxManager), folders, clock),
            new RetentionPurger(index, config.index().retentionDays(), clock), stores, stamp);
    }

    /**
     * Applies an edited {@code havewemet.yaml} without restarting James: checked at most every
     * {@link #RELOAD_CHECK_INTERVAL}; a file with errors is logged and ignored (the running configuration stays).
     * The index and the ledger stay open; index settings that need a reopen take effect at the next start.
     */
    public void reloadIfChanged() {
        State current = state;
        if (current == null || clock.instant().isBefore(nextReloadCheck)) {
            return;
        }
        synchronized (this) {
            current = state;
            if (current == null || clock.instant().isBefore(nextReloadCheck)) {
                return;
            }
            nextReloadCheck = clock.instant().plus(RELOAD_CHECK_INTERVAL);
            long stamp = ConfigFileStamp.of(current.stores().configFile());
            if (stamp == current.configStamp()) {
                return;
            }
            try {
                HaveWeMetConfig config = ConfigLoader.loadOrDefaults(current.stores().configFile());
                State next = build(current.stores(), config, stamp);
                state = next;
                lastReloadError = Optional.empty();
                closeQuietly("digest", current.digest());
                closeQuietly("retention", current.retention());
                LOGGER.info("havewemet: configuration {} reloaded", current.stores().configFile());
            } catch (ConfigException | RuntimeException e) {
                state = withStamp(current, stamp);
                lastReloadError = Optional.of(e.getMessage());
                LOGGER.error("havewemet: {} changed but is invalid; keeping the running configuration\n{}",
                    current.stores().configFile(), e.getMessage());
            }
        }
    }

    /** Why the last edit of the configuration file was refused; empty when the running configuration is the file's. */
    public Optional<String> lastReloadError() {
        return lastReloadError;
    }

    private static State withStamp(State s, long stamp) {
        return new State(s.configLocation(), s.config(), s.folders(), s.triage(), s.index(), s.ledger(),
            s.templates(), s.responder(), s.recorder(), s.digest(), s.answers(), s.retention(), s.stores(), stamp);
    }

    /** "LinkedIn" for "linkedin": the platform's first brand name; a direct request has no platform to name. */
    static String displayName(PlatformProfiles profiles, String platform) {
        if (platform == null || Invitation.DIRECT.equals(platform)) {
            return "";
        }
        return profiles.byId(platform)
            .map(compiled -> compiled.profile().brandNames())
            .filter(names -> !names.isEmpty())
            .map(names -> names.get(0))
            .orElse(platform);
    }

    private Path resolve(String location) throws MessagingException {
        try {
            File file = fileSystem.getFile(location);
            return file.toPath().toAbsolutePath();
        } catch (FileNotFoundException e) {
            // An absent configuration file means "all defaults"; ConfigLoader.loadOrDefaults handles that.
            return dataDirectory().resolve("conf").resolve("havewemet.yaml");
        } catch (RuntimeException e) {
            throw new MessagingException("havewemet: config: expected a file path or a file:// URL, found \""
                + location + "\"", e);
        }
    }

    private Path dataDirectory() {
        try {
            return fileSystem.getBasedir().toPath().toAbsolutePath();
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("James has no working directory", e);
        }
    }

    @PreDestroy
    public synchronized void stop() {
        State current = state;
        state = null;
        recordedCorrespondents.clear();
        if (current == null) {
            return;
        }
        closeQuietly("digest", current.digest());
        closeQuietly("retention", current.retention());
        closeQuietly("index writes", current.stores().writes());
        closeQuietly("index", current.index());
        closeQuietly("ledger", current.ledger());
    }

    private static void closeQuietly(String what, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOGGER.warn("havewemet: could not close the {} cleanly", what, e);
        }
    }

    private State state() {
        State current = state;
        if (current == null) {
            throw new IllegalStateException("havewemet is not started: is TriageInvitations in mailetcontainer.xml?");
        }
        return current;
    }

    public boolean isStarted() {
        return state != null;
    }

    public HaveWeMetConfig config() {
        return state().config();
    }

    public Triage triage() {
        return state().triage();
    }

    public Folders folders() {
        return state().folders();
    }

    public InvitationResponder responder() {
        return state().responder();
    }

    AnswerFlow answers() {
        return state().answers();
    }

    public InvitationRecorder recorder() {
        return state().recorder();
    }

    /**
     * The invitation index, once every write queued so far is searchable (read-your-writes for WebAdmin and tools).
     * Callers may also erase people through it, so the memory of already recorded correspondents is dropped.
     */
    public InvitationIndex index() {
        State current = state();
        awaitWrites(current);
        recordedCorrespondents.clear();
        return current.index();
    }

    private static void awaitWrites(State current) {
        try {
            if (!current.stores().writes().flush(FLUSH_TIMEOUT)) {
                LOGGER.warn("havewemet: index writes still queued after {}; reading without them", FLUSH_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ReplyLedger ledger() {
        return state().ledger();
    }

    public TemplateStore templates() {
        return state().templates();
    }

    /** Sends one user's digest now, whatever the schedule; returns the number of items in it. */
    public int sendDigest(String user) throws Exception {
        return state().digest().sendNow(user);
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
            state().stores().writes().addCorrespondent(owner, address, displayName);
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
        State current = state;
        return current == null || current.stores().writes().flush(timeout);
    }

    public Clock clock() {
        return clock;
    }
}
