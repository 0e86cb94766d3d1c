package org.havewemet.it;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceModuleTestExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The world outside our James: a GreenMail SMTP server that stands for the inviters' mail servers and is the
 * outbound relay of our James, so every reply havewemet sends lands here. Registered with
 * {@code JamesServerBuilder.extension(...)}, it starts before James is configured, so its port can be written into
 * James' RemoteDelivery gateway.
 */
public final class OutsideWorld implements GuiceModuleTestExtension {
    private GreenMail greenMail;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (greenMail == null) {
            start();
        }
        greenMail.purgeEmailFromAllMailboxes();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    private void start() {
        if (greenMail != null) {
            return;
        }
        NullReversePathMailCommand.install();
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
    }

    public int smtpPort() {
        if (greenMail == null) {
            start();
        }
        return greenMail.getSmtp().getPort();
    }

    /** Every mail that reached the outside world so far. */
    public List<MimeMessage> received() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** The mails received so far with a recipient (To/Cc) containing the text, e.g. an address or a domain. */
    public List<MimeMessage> receivedBy(String recipient) {
        String wanted = recipient.toLowerCase(Locale.ROOT);
        return received().stream().filter(message -> {
            try {
                Address[] all = message.getAllRecipients();
                return all != null && Arrays.stream(all)
                    .anyMatch(a -> a.toString().toLowerCase(Locale.ROOT).contains(wanted));
            } catch (MessagingException e) {
                return false;
            }
        }).collect(Collectors.toList());
    }

    @Override
    public Optional<Class<?>> supportedParameterClass() {
        return Optional.of(OutsideWorld.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext,
                                   ExtensionContext extensionContext) {
        return this;
    }
}
