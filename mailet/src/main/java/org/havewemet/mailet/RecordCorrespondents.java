package org.havewemet.mailet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.havewemet.config.InitParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers whom local users write to, so that an invitation from someone they already correspond with is judged
 * KNOWN instead of UNEXPLAINED. Place it where mail sent by local users passes, with James' {@code SenderIsLocal}
 * matcher, in the {@code transport} processor:
 *
 * <pre>{@code
 * <mailet match="SenderIsLocal" class="org.havewemet.mailet.RecordCorrespondents">
 *     <onMailetException>ignore</onMailetException>
 * </mailet>
 * }</pre>
 *
 * <p>No parameters. It never changes the mail; failures are logged and counted ({@code havewemet_failures}).
 * Needs the havewemet extension declared in {@code conf/extensions.properties} (which opens the index).
 */
public class RecordCorrespondents extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordCorrespondents.class);

    private final HaveWeMetRuntime runtime;
    private final MetricFactory metrics;

    @Inject
    public RecordCorrespondents(HaveWeMetRuntime runtime, MetricFactory metrics) {
        this.runtime = runtime;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        List<String> given = new ArrayList<>();
        getInitParameterNames().forEachRemaining(given::add);
        try {
            InitParameters.check(given, Set.of("onMailetException", "onMatchException"),
                getMailetName());
        } catch (IllegalArgumentException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        if (!runtime.isDeclared()) {
            throw new MessagingException(HaveWeMetRuntime.NOT_DECLARED);
        }
    }

    @Override
    public void service(Mail mail) {
        try {
            if (mail.getMaybeSender().isNullSender()) {
                return;
            }
            String user = mail.getMaybeSender().get().asString().toLowerCase(Locale.ROOT);
            for (MailAddress recipient : mail.getRecipients()) {
                runtime.recordCorrespondent(user, recipient.asString(), displayNameOf(mail, recipient));
            }
            metrics.generate("havewemet_correspondents_recorded").increment();
        } catch (Exception e) {
            metrics.generate("havewemet_failures").increment();
            LOGGER.error("havewemet could not record the correspondents of mail {}", mail.getName(), e);
        }
    }

    /** The display name the user gave this recipient in To/Cc, if any. */
    private static String displayNameOf(Mail mail, MailAddress recipient) {
        try {
            for (String header : new String[] {"To", "Cc"}) {
                String value = mail.getMessage().getHeader(header, ",");
                if (value == null) {
                    continue;
                }
                for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                    if (recipient.asString().equalsIgnoreCase(address.getAddress())) {
                        return address.getPersonal();
                    }
                }
            }
        } catch (MessagingException e) {
            // A malformed header just means we know the address, not the name.
        }
        return null;
    }

    @Override
    public String getMailetInfo() {
        return "havewemet RecordCorrespondents";
    }
}
