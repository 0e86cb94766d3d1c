package org.havewemet.mailet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.PerRecipientHeaders;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.GenericMailet;
import org.havewemet.config.InitParameters;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Triages connection invitations for every local recipient: files them by verdict, answers unexplained ones with
 * "Have we met?" (or drafts the answer), and records them in the invitation index.
 *
 * <p>Place it in the {@code local-delivery} processor right before {@code LocalDelivery}: the storage directive is
 * last-writer-wins. It never blocks or loses a mail: any failure is logged, counted
 * ({@code havewemet_failures}) and the mail continues to normal delivery.
 *
 * <pre>{@code
 * <mailet match="All" class="org.havewemet.mailet.TriageInvitations">
 *     <!-- optional; default file://conf/havewemet.yaml, built-in defaults when the file is absent -->
 *     <config>file://conf/havewemet.yaml</config>
 *     <onMailetException>ignore</onMailetException>
 * </mailet>
 * <mailet match="All" class="LocalDelivery"/>
 * }</pre>
 *
 * <p>Parameters: {@code config} (James file URL or path of the YAML configuration; read by the extension's
 * startable when James starts, which fails when a file named here is missing or invalid).
 * Delivered copies carry {@code X-HaveWeMet-Verdict} and {@code X-HaveWeMet-Reasons}, per recipient; any
 * {@code X-HaveWeMet-*} header that arrived from outside is removed first.
 */
public class TriageInvitations extends GenericMailet {
    public static final String VERDICT_HEADER = "X-HaveWeMet-Verdict";
    public static final String REASONS_HEADER = "X-HaveWeMet-Reasons";
    public static final String ANSWER_HEADER = "X-HaveWeMet-Answer";
    static final String HEADER_PREFIX = "x-havewemet-";
    /** Marks mail havewemet itself generated (replies, digests): delivered as is, never triaged again. */
    static final Attribute GENERATED = new Attribute(AttributeName.of("org.havewemet.generated"),
        AttributeValue.of(true));
    static final Set<String> PARAMETERS = Set.of("config", "onMailetException", "onMatchException");
    private static final Logger LOGGER = LoggerFactory.getLogger(TriageInvitations.class);

    private final HaveWeMetRuntime runtime;
    private final MetricFactory metrics;

    @Inject
    public TriageInvitations(HaveWeMetRuntime runtime, MetricFactory metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        List<String> given = new ArrayList<>();
        getInitParameterNames().forEachRemaining(given::add);
        try {
            InitParameters.check(given, PARAMETERS, getMailetName());
        } catch (IllegalArgumentException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        if (!runtime.isDeclared()) {
            throw new MessagingException(HaveWeMetRuntime.NOT_DECLARED);
        }
    }

    @Override
    public void service(Mail mail) {
        TimeMetric timer = metrics.timer("havewemet_triage");
        MDC.put("mail", mail.getName());
        try {
            stripForeignHeaders(mail.getMessage());
            if (mail.getAttribute(GENERATED.getName()).isPresent()) {
                return;
            }
            Snapshot snapshot = runtime.current();
            for (MailAddress recipient : localRecipients(mail)) {
                serviceRecipient(snapshot, mail, recipient);
            }
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Fail open: the mail goes on to LocalDelivery untouched by us.
            metrics.generate("havewemet_failures").increment();
            LOGGER.error("havewemet could not process mail {}; delivering it normally", mail.getName(), e);
        } finally {
            timer.stopAndPublish();
            MDC.remove("mail");
        }
    }

    private void serviceRecipient(Snapshot snapshot, Mail mail, MailAddress recipient) {
        try {
            MimeMessage message = mail.getMessage();
            Optional<AnswerFlow.Outcome> answer = snapshot.answers().handle(mail, recipient);
            if (answer.isPresent()) {
                answer.get().folder().ifPresent(folder -> fileInto(mail, recipient, folder));
                mail.addSpecificHeaderForRecipient(header(ANSWER_HEADER, answer.get().kind().name()), recipient);
                metrics.generate("havewemet_answer_" + answer.get().kind().name().toLowerCase(Locale.ROOT)).increment();
                LOGGER.info("havewemet: answer to a \"have we met?\" judged {}", answer.get().kind());
                return;
            }
            String sender = mail.getMaybeSender().asOptional().map(MailAddress::asString).orElse(null);
            TriageResult result = snapshot.marks().apply(mail, recipient.asString(),
                snapshot.triage().triage(message, sender, recipient.asString()));
            metrics.generate("havewemet_verdict_" + result.verdict().name().toLowerCase(Locale.ROOT)).increment();
            if (!result.isInvitation() && result.verdict() == Verdict.NOT_INVITATION) {
                PersonMail.sender(message, sender).ifPresent(from -> runtime.recordCorrespondent(
                    recipient.asString(), from.getAddress(), from.getPersonal()));
                return;
            }
            snapshot.folders().forVerdict(result.verdict()).ifPresent(folder -> fileInto(mail, recipient, folder));
            mail.addSpecificHeaderForRecipient(header(VERDICT_HEADER, result.verdict().name()), recipient);
            mail.addSpecificHeaderForRecipient(header(REASONS_HEADER, reasons(result)), recipient);

            ReplyOutcome outcome = respond(snapshot, mail, recipient, result);
            metrics.generate("havewemet_reply_" + outcome.status().replace('-', '_')).increment();
            snapshot.recorder().record(mail, recipient, result, outcome);
            LOGGER.info("havewemet verdict {} reply {} ({})", result.verdict(), outcome.status(),
                result.reasons().stream().map(Reason::code).collect(Collectors.joining(",")));
        } catch (Exception | StackOverflowError e) {
            metrics.generate("havewemet_failures").increment();
            LOGGER.error("havewemet failed on mail {} for one recipient; delivering it normally", mail.getName(), e);
        }
    }

    private static void fileInto(Mail mail, MailAddress recipient, String folder) {
        StorageDirective.builder()
            .targetFolder(folder)
            .build()
            .encodeAsAttributes(Username.of(recipient.asString()))
            .forEach(mail::setAttribute);
    }

    private ReplyOutcome respond(Snapshot snapshot, Mail mail, MailAddress recipient, TriageResult result) {
        try {
            return snapshot.responder().respond(mail, recipient, result);
        } catch (Exception e) {
            metrics.generate("havewemet_failures").increment();
            LOGGER.error("havewemet could not answer mail {}; filed without an answer", mail.getName(), e);
            return ReplyOutcome.suppressed("ERROR");
        }
    }

    private Collection<MailAddress> localRecipients(Mail mail) {
        return mail.getRecipients().stream()
            .filter(getMailetContext()::isLocalEmail)
            .collect(Collectors.toList());
    }

    /** Removes every X-HaveWeMet-* header that arrived from outside, so nobody can forge our verdict. */
    static void stripForeignHeaders(MimeMessage message) throws MessagingException {
        List<String> ours = new ArrayList<>();
        Enumeration<Header> headers = message.getAllHeaders();
        while (headers.hasMoreElements()) {
            String name = headers.nextElement().getName();
            if (name.toLowerCase(Locale.ROOT).startsWith(HEADER_PREFIX) && !ours.contains(name)) {
                ours.add(name);
            }
        }
        for (String name : ours) {
            message.removeHeader(name);
        }
    }

    private static String reasons(TriageResult result) {
        String codes = result.reasons().stream().map(Reason::code).distinct().collect(Collectors.joining(", "));
        return codes.isEmpty() ? "none" : codes;
    }

    private static PerRecipientHeaders.Header header(String name, String value) {
        return PerRecipientHeaders.Header.builder().name(name).value(value).build();
    }

    @Override
    public String getMailetInfo() {
        return "havewemet TriageInvitations";
    }
}
