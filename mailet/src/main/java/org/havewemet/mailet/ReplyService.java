package org.havewemet.mailet;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.havewemet.config.template.RenderedTemplate;
import org.havewemet.config.template.TemplateModel;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.reply.DraftComposer;
import org.havewemet.reply.LedgerStore;
import org.havewemet.reply.ReasonCode;
import org.havewemet.reply.ReplyComposer;
import org.havewemet.reply.ReplyContext;
import org.havewemet.reply.ReplyDecision;
import org.havewemet.reply.ReplyPolicy;
import org.havewemet.reply.ReplySettings;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the reply policy: sends "Have we met?" through James (null reverse path, so nothing can bounce back
 * to the inviter), or saves the same text as a draft in the user's Drafts folder, or does nothing and says why.
 * An "X accepted your invitation" notice gets a thank-you draft asking for a short call, unless it is SUSPICIOUS.
 */
final class ReplyService implements InvitationResponder {
    private static final Logger LOGGER = LoggerFactory.getLogger(ReplyService.class);
    /** Triage reasons (added by the mailet) that file a delivery quietly, named as the policy's reason codes. */
    static final Set<String> QUIET = Set.of(ReasonCode.ROLE_ADDRESS.name(), ReasonCode.GROUP_ADDRESS.name(),
        ReasonCode.BULK_INVITER.name());
    /** Of those, the shared addresses: the digest counts their invitations apart. */
    static final Set<String> SHARED = Set.of(ReasonCode.ROLE_ADDRESS.name(), ReasonCode.GROUP_ADDRESS.name());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final ReplyPolicy policy;
    private final LedgerStore ledger;
    private final ReplySettings settings;
    private final Function<String, Set<String>> aliases;
    private final TemplateStore templates;
    private final MailboxDrafts drafts;
    private final String draftsFolder;
    private final MailetContext context;
    private final Clock clock;
    private final Function<String, String> platformNames;
    private final AutomaticallySentMailDetector detector;

    ReplyService(ReplyPolicy policy, LedgerStore ledger, ReplySettings settings, Function<String, Set<String>> aliases,
                 TemplateStore templates, MailboxDrafts drafts, String draftsFolder, MailetContext context, Clock clock,
                 Function<String, String> platformNames, AutomaticallySentMailDetector detector) {
        this.platformNames = platformNames;
        this.detector = detector;
        this.policy = policy;
        this.ledger = ledger;
        this.settings = settings;
        this.aliases = aliases;
        this.templates = templates;
        this.drafts = drafts;
        this.draftsFolder = draftsFolder;
        this.context = context;
        this.clock = clock;
    }

    @Override
    public ReplyOutcome respond(Mail mail, MailAddress recipient, TriageResult result) throws Exception {
        Invitation invitation = result.invitation().orElse(null);
        String user = recipient.asString();
        Optional<ReasonCode> quiet = quietReason(result);
        if (ReplyPolicy.thanksForAcceptance(invitation, result.verdict())) {
            if (quiet.isPresent()) {
                // A shared address is filed quietly: not even the thank-you draft.
                return ReplyOutcome.suppressed(quiet.get().name());
            }
            return thankYouDraft(mail, user, invitation);
        }
        String sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(null);
        // Only an UNEXPLAINED invitation gets as far as the alias rules: spare James' rewrite table the others.
        Set<String> userAliases = result.verdict() == Verdict.UNEXPLAINED ? aliases.apply(user) : Set.of();
        ReplyDecision decision = policy.decideAndReserve(new ReplyContext(mail.getMessage(), sender, user,
            userAliases, result.verdict(), invitation, settings, JamesAutomaticMail.verdict(detector, mail),
            quiet.orElse(null)));
        return switch (decision.kind()) {
            case SUPPRESS -> ReplyOutcome.suppressed(decision.reason().name());
            case DRY_RUN -> {
                LOGGER.info("havewemet dry run: would answer an invitation ({})", decision.reason());
                yield new ReplyOutcome(ReplyOutcome.DRY_RUN, "would reply");
            }
            case REPLY -> reply(mail, user, invitation, decision);
            case DRAFT -> draft(mail, user, invitation, decision);
        };
    }

    /** The reply policy's reason for a delivery the triage result marks as filed quietly (see SharedAddresses). */
    static Optional<ReasonCode> quietReason(TriageResult result) {
        for (Reason reason : result.reasons()) {
            if (QUIET.contains(reason.code())) {
                return Optional.of(ReasonCode.valueOf(reason.code()));
            }
        }
        return Optional.empty();
    }

    private ReplyOutcome reply(Mail mail, String user, Invitation invitation, ReplyDecision decision) throws Exception {
        try {
            RenderedTemplate text = render("reply", user, invitation);
            MimeMessage original = mail.getMessage();
            MimeMessage answer = new ReplyComposer(clock).compose(user, decision.target(), original.getMessageID(),
                original.getHeader("References", " "), text.subject(), text.body());
            MailImpl outgoing = MailImpl.builder()
                .name(MailImpl.getId())
                .sender(MaybeSender.nullSender())
                .addRecipient(new MailAddress(decision.target()))
                .mimeMessage(answer)
                .addAttribute(TriageInvitations.GENERATED)
                .build();
            try {
                context.sendMail(outgoing);
            } finally {
                // Every James queue enqueues a copy (memory: a clone; ActiveMQ: serialised): free ours, or James logs
                // "Leak detected" for each reply when its queue is persistent.
                outgoing.dispose();
            }
            ledger.recordSent(user, decision.inviterKey(), answer.getMessageID(), original.getMessageID(),
                invitation.invitationId(), clock.instant());
            return new ReplyOutcome(ReplyOutcome.REPLIED, "");
        } catch (Exception e) {
            ledger.release(user, decision.inviterKey());
            throw e;
        }
    }

    private ReplyOutcome draft(Mail mail, String user, Invitation invitation, ReplyDecision decision) throws Exception {
        try {
            RenderedTemplate text = render("draft", user, invitation);
            MimeMessage draft = new DraftComposer(clock).compose(user, text.subject(), text.body(),
                invitation.inviter().profileUrl(), mail.getMessage().getMessageID());
            drafts.save(user, draftsFolder, draft);
            return new ReplyOutcome(ReplyOutcome.DRAFTED, decision.reason() == null ? "" : decision.reason().name());
        } catch (Exception e) {
            if (decision.inviterKey() != null) {
                ledger.release(user, decision.inviterKey());
            }
            throw e;
        }
    }

    private ReplyOutcome thankYouDraft(Mail mail, String user, Invitation invitation) throws Exception {
        RenderedTemplate text = render("accepted", user, invitation);
        MimeMessage draft = new DraftComposer(clock).compose(user, text.subject(), text.body(),
            invitation.inviter().profileUrl(), mail.getMessage().getMessageID());
        drafts.save(user, draftsFolder, draft);
        return new ReplyOutcome(ReplyOutcome.DRAFTED, "ACCEPTED_THANK_YOU");
    }

    private RenderedTemplate render(String template, String user, Invitation invitation) {
        Inviter inviter = invitation.inviter();
        TemplateModel model = TemplateModel.of(
            new TemplateModel.Person(null, user),
            new TemplateModel.InviterInfo(inviter.name(), inviter.headline(), inviter.company(), inviter.profileUrl(),
                inviter.email()),
            platformNames.apply(invitation.platform()), invitation.note(), DATE.format(clock.instant()));
        List<String> locales = new ArrayList<>();
        if (invitation.noteLanguage() != null) {
            locales.add(invitation.noteLanguage());
        }
        return templates.render(template, locales, user.substring(user.indexOf('@') + 1), model);
    }
}
