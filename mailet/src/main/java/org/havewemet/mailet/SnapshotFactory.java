package org.havewemet.mailet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.james.mailbox.MailboxManager;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.reply.ReplyPolicy;
import org.havewemet.reply.ReplySettings;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Triage;
import org.havewemet.triage.profile.PlatformProfiles;

/** Builds a {@link Snapshot} from one configuration, on the stores that stay open across reloads. */
final class SnapshotFactory {
    private final MailboxManager mailboxManager;
    private final UsersRepository users;
    private final MailetContext context;
    private final UserAliases aliases;
    private final AutomaticallySentMailDetector detector;
    private final Clock clock;

    SnapshotFactory(MailboxManager mailboxManager, UsersRepository users, MailetContext context, UserAliases aliases,
                    AutomaticallySentMailDetector detector, Clock clock) {
        this.detector = detector;
        this.mailboxManager = mailboxManager;
        this.users = users;
        this.context = context;
        this.aliases = aliases;
        this.clock = clock;
    }

    Snapshot build(Stores stores, HaveWeMetConfig config, Path configFolder) {
        Path base = stores.base();
        InvitationIndex index = stores.index();
        IndexWriteQueue writes = stores.writes();
        TemplateStore templates = TemplateStore.create(config.templates(), base, clock);
        PlatformProfiles profiles = TriageFactory.profiles(config, configFolder);
        // Correspondents still queued for the index count as known too (a lookup never misses a recorded one), and
        // the spool thread never waits for the index to reopen.
        Triage triage = TriageFactory.triage(config, profiles, (user, email, name) -> isKnown(writes, user, email, name));
        Folders folders = new Folders(config.folders().priority(), config.folders().unexplained(),
            config.folders().suspicious(), config.folders().drafts());
        ReplySettings replySettings = new ReplySettings(config.replies().enabled(), config.replies().dryRun(),
            Set.copyOf(config.replies().optOut()), config.patterns().neverAnswer()::matches,
            Duration.ofDays(config.replies().periodDays()));
        ReplyPolicy policy = new ReplyPolicy(stores.ledger(),
            stores.replies().rateLimits(clock, config.replies().ratePerHour(), config.replies().globalRatePerHour()),
            clock);
        InvitationResponder responder = new ReplyService(policy, stores.ledger(), replySettings,
            aliases.withConfigured(config.replies()), templates, new MailboxDrafts(mailboxManager), folders.drafts(),
            context, clock, platform -> displayName(profiles, platform), detector);
        DigestService digest = new DigestService(config.digest(), Duration.ofDays(config.replies().answerWaitDays()),
            index, writes, stores.ledger(), templates, context, users, clock,
            base.resolve("var/havewemet/digest.properties"));
        return new Snapshot(config, folders, triage, templates, responder, new IndexRecorder(writes, clock), digest,
            new AnswerFlow(stores.ledger(), index, writes, new MailboxMover(mailboxManager), folders, clock),
            new RetentionPurger(index, config.index().retentionDays(), clock),
            new DeliveryMarks(new SharedAddresses(config.addresses(), aliases::mappedTargets),
                new MassInviters(config.bulk(), stores.bulk(), writes, index, clock, filed -> new MailboxMover(
                    mailboxManager).moveFromFirst(filed.recipient(), filed.messageId(), List.of(folders.unexplained(),
                    folders.priority(), "INBOX"), folders.suspicious())),
                new Corrections(config.learning(), stores.learning())));
    }

    private static boolean isKnown(IndexWriteQueue writes, String user, String email, String name) {
        try {
            return writes.isKnown(user, email, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
