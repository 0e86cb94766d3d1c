package org.havewemet.bench;

import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.memory.MemoryDomainList;
import org.apache.james.transport.mailets.Sieve;
import org.apache.james.user.memory.MemoryUsersRepository;
import org.apache.mailet.Attribute;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;

/**
 * Apache James 3.8.1's own {@link Sieve} mailet, initialised as the mailet container would (real
 * {@link MemoryUsersRepository}, mailet test kit config and context), running {@link EquivalentSieveScript}.
 */
public final class SieveSide {
    /** Attribute prefix of the storage directive James 3.8.1 writes for a fileinto (see StorageDirective). */
    private static final String DELIVERY_PATH_PREFIX = "DeliveryPath";
    private final Sieve sieve;

    public SieveSide(String script) {
        // The domain list is only read when a user is added or virtual hosting is on; neither happens here,
        // so it needs no DNS service.
        MemoryUsersRepository users = MemoryUsersRepository.withoutVirtualHosting(new MemoryDomainList(null));
        sieve = new Sieve(users, new ScriptResourceLocator(script));
        try {
            sieve.init(FakeMailetConfig.builder().mailetName("Sieve").mailetContext(FakeMailContext.defaultContext()).build());
        } catch (MessagingException e) {
            throw new IllegalStateException("James' Sieve mailet did not initialise", e);
        }
    }

    /** Runs the script on one message for {@link BenchMessages#RECIPIENT}; returns the mail with its delivery path. */
    public Mail service(MimeMessage message) {
        try {
            Mail mail = FakeMail.builder().name("bench").mimeMessage(message)
                    .sender(BenchMessages.ENVELOPE_SENDER).recipient(BenchMessages.RECIPIENT).build();
            sieve.service(mail);
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder the script filed the mail into (implicit keep: INBOX), without James' leading slash. */
    public static String folder(Mail mail) {
        Optional<Attribute> path = mail.attributes()
                .filter(a -> a.getName().asString().startsWith(DELIVERY_PATH_PREFIX))
                .findFirst();
        String folder = path.map(a -> String.valueOf(a.getValue().value())).orElse("INBOX");
        return folder.startsWith("/") ? folder.substring(1) : folder;
    }

    static MailAddress recipient() {
        try {
            return new MailAddress(BenchMessages.RECIPIENT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
