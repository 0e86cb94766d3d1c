package org.havewemet.mailet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.server.core.JamesServerResourceLoader;
import org.apache.james.server.core.filesystem.FileSystemImpl;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMailContext;

/**
 * A real havewemet runtime over a temporary James working directory, for driving the mailets with James' mailet
 * test kit: {@link FakeMailContext} (which calls every address remote, so this one answers "local" for
 * {@link #LOCAL_DOMAIN}), a real index and ledger on disk, James' recording metric factory. No mailbox manager:
 * drafts and moves are the integration tests' business, so the configuration switches replies off.
 */
final class MailetFixture implements AutoCloseable {
    static final String LOCAL_DOMAIN = "example.com";
    static final String USER = "paul@" + LOCAL_DOMAIN;
    static final String YAML = "replies:\n  enabled: false\nindex:\n  commitIntervalSeconds: 1\n"
        + "judge:\n  trustedAuthServIds: [mx.havewemet.test]\n";

    final FakeMailContext fake = FakeMailContext.builder().postmaster(postmaster()).build();
    final MailetContext context = localDomain(fake);
    final RecordingMetricFactory metrics = new RecordingMetricFactory();
    final HaveWeMetRuntime runtime;

    MailetFixture(Path jamesHome, boolean declared) {
        try {
            Files.createDirectories(jamesHome.resolve("conf"));
            Files.writeString(jamesHome.resolve("conf/havewemet.yaml"), YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtime = new HaveWeMetRuntime(new FileSystemImpl(new JamesServerResourceLoader(jamesHome.toString())),
            null, null, context, Optional.empty(), UserAliases.configuredOnly(), null, Clock.systemUTC());
        if (declared) {
            runtime.declaredBy(new ExtensionDeclared() { });
            runtime.onBackgroundFailure(() -> metrics.generate("havewemet_failures").increment());
            runtime.start();
        }
    }

    private static MailAddress postmaster() {
        try {
            return new MailAddress("postmaster@" + LOCAL_DOMAIN);
        } catch (AddressException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A test mail of {@code src/test/resources/mailet} (copies of a few triage fixtures: the mailet's tests must not
     * depend on another module's test resources), or the resource {@code name} when it starts with /.
     */
    static MimeMessage fixture(String name) {
        try (InputStream in = MailetFixture.class.getResourceAsStream(name.startsWith("/") ? name
                : "/mailet/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mailet test kit's context, with the addresses of {@link #LOCAL_DOMAIN} local. */
    private static MailetContext localDomain(FakeMailContext fake) {
        return (MailetContext) Proxy.newProxyInstance(MailetFixture.class.getClassLoader(),
            new Class<?>[] {MailetContext.class}, (proxy, method, args) -> {
                if (method.getName().equals("isLocalEmail")) {
                    return ((MailAddress) args[0]).getDomain().asString().equals(LOCAL_DOMAIN);
                }
                try {
                    return method.invoke(fake, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
