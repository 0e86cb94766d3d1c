package org.havewemet.it.triage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.mailetcontainer.AutomaticallySentMailDetectorImpl;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.mailet.JamesAutomaticMail;
import org.havewemet.reply.RateLimiter;
import org.havewemet.reply.ReplyContext;
import org.havewemet.reply.ReplyDecision;
import org.havewemet.reply.ReplyLedger;
import org.havewemet.reply.ReplyPolicy;
import org.havewemet.reply.ReplySettings;
import org.havewemet.triage.ConfiguredTriage;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Reason;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;

/**
 * What the server must do with a mail, decided without the server: the triage module's own verdict
 * ({@link ConfiguredTriage} on the same configuration, nobody known, as for a fresh user) mapped through the reply
 * policy (a fresh ledger, nothing answered yet) the way havewemet acts on it: NOT_INVITATION stays in INBOX
 * untouched; otherwise the verdict's folder, a thank-you draft for an "accepted your invitation" notice that is not
 * SUSPICIOUS, else the policy's REPLY (to its target), DRAFT or nothing.
 */
final class Prediction implements AutoCloseable {
    /** The verdict, its reasons and the reply decision, for failure messages about tuning and shared mails. */
    record Predicted(Outcome outcome, Verdict verdict, String why) {
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private final HaveWeMetConfig config;
    private final Triage triage;
    private final ReplyLedger ledger;
    private final ReplyPolicy policy;
    private final ReplySettings settings;
    private final AutomaticallySentMailDetector detector = new AutomaticallySentMailDetectorImpl();

    Prediction(HaveWeMetConfig config, Path configDirectory, Path ledgerDirectory) throws IOException {
        this.config = config;
        this.triage = ConfiguredTriage.of(config, configDirectory, KnownInviters.NOBODY);
        this.ledger = ReplyLedger.open(ledgerDirectory);
        Clock clock = Clock.systemUTC();
        this.policy = new ReplyPolicy(ledger,
            new RateLimiter(clock, config.replies().ratePerHour(), config.replies().globalRatePerHour()), clock);
        this.settings = new ReplySettings(config.replies().enabled(), config.replies().dryRun(),
            Set.copyOf(config.replies().optOut()), config.patterns().neverAnswer()::matches,
            Duration.ofDays(config.replies().periodDays()));
    }

    Predicted predict(byte[] mail, Optional<String> envelopeSender, String user) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(mail));
        String sender = envelopeSender.orElse(null);
        TriageResult result = triage.triage(message, sender, user);
        String reasons = result.reasons().stream().map(Reason::code).distinct().toList().toString();
        if (!result.isInvitation() && result.verdict() == Verdict.NOT_INVITATION) {
            return new Predicted(Outcome.of(ServerCensus.INBOX, null, false), result.verdict(), reasons);
        }
        String folder = folderOf(result.verdict());
        Invitation invitation = result.invitation().orElse(null);
        if (ReplyPolicy.thanksForAcceptance(invitation, result.verdict())) {
            return new Predicted(Outcome.of(folder, null, true), result.verdict(), reasons + " thank-you draft");
        }
        Set<String> aliases = result.verdict() == Verdict.UNEXPLAINED
            ? Set.copyOf(config.replies().aliases().getOrDefault(user, List.of())) : Set.of();
        MailImpl asJamesSeesIt = mail(message, sender, user);
        ReplyDecision decision;
        try {
            decision = policy.decide(new ReplyContext(message, sender, user, aliases, result.verdict(), invitation,
                settings, JamesAutomaticMail.verdict(detector, asJamesSeesIt)));
        } finally {
            asJamesSeesIt.dispose();
        }
        String why = reasons + " " + decision;
        return switch (decision.kind()) {
            case REPLY -> new Predicted(Outcome.of(folder, decision.target(), false), result.verdict(), why);
            case DRAFT -> new Predicted(Outcome.of(folder, null, true), result.verdict(), why);
            case SUPPRESS, DRY_RUN -> new Predicted(Outcome.of(folder, null, false), result.verdict(), why);
        };
    }

    /** The IMAP name of a verdict's folder ('/' in the configuration is James' '.' delimiter over IMAP). */
    String folderOf(Verdict verdict) {
        String configured = switch (verdict) {
            case PERSONAL, KNOWN -> config.folders().priority();
            case UNEXPLAINED -> config.folders().unexplained();
            case SUSPICIOUS -> config.folders().suspicious();
            case NOT_INVITATION -> ServerCensus.INBOX;
        };
        return configured.replace('/', '.');
    }

    String draftsFolder() {
        return config.folders().drafts().replace('/', '.');
    }

    private static MailImpl mail(MimeMessage message, String sender, String user) throws MessagingException {
        return MailImpl.builder()
            .name("prediction")
            .sender(sender == null ? MaybeSender.nullSender() : MaybeSender.of(new MailAddress(sender)))
            .addRecipient(new MailAddress(user))
            .mimeMessage(message)
            .build();
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }
}
