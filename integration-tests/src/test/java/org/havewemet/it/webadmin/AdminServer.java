package org.havewemet.it.webadmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.WebAdminGuiceProbe;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.it.HaveWeMetJames;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Helpers shared by the WebAdmin ITs: the REST client of a running server, and test mails sent over SMTP. */
final class AdminServer {
    static final String DEMO = "demo@" + HaveWeMetJames.DOMAIN;
    static final String OTHER = "other@" + HaveWeMetJames.DOMAIN;
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200));

    private AdminServer() {
    }

    static int webAdminPort(GuiceJamesServer server) {
        return server.getProbe(WebAdminGuiceProbe.class).getWebAdminPort().getValue();
    }

    static String baseUri(GuiceJamesServer server) {
        return "http://127.0.0.1:" + webAdminPort(server);
    }

    /** A rest-assured request to WebAdmin, JSON by default. */
    static RequestSpecification api(GuiceJamesServer server) {
        return RestAssured.given().spec(new RequestSpecBuilder()
            .setBaseUri("http://127.0.0.1")
            .setPort(webAdminPort(server))
            .setContentType(ContentType.JSON)
            .setUrlEncodingEnabled(true)
            .build());
    }

    /** A test mail under src/test/resources/mails (e.g. {@code webadmin/direct-carol.eml}). */
    static String mail(String name) {
        try (InputStream in = AdminServer.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail /mails/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void send(SMTPMessageSender smtp, GuiceJamesServer server, String envelopeSender, String recipient,
                     String mail) throws IOException {
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders(envelopeSender, recipient, mail(mail));
    }
}
