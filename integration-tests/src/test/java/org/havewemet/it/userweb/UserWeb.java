package org.havewemet.it.userweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetServer;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static org.assertj.core.api.Assertions.assertThat;

/** The server and helpers of the users' page ITs: test mails over SMTP, the JSON API, IMAP folders. */
final class UserWeb {
    static final String ALICE = "alice@" + HaveWeMetJames.DOMAIN;
    static final String BOB = "bob@" + HaveWeMetJames.DOMAIN;
    static final String MARIA_ID = "<userweb-alice-maria@ltx1-app1.prod.linkedin.com>";
    static final String EVE_ID = "<userweb-alice-eve@mail.example.net>";
    static final String SAM_ID = "<userweb-bob-sam@ltx1-app1.prod.linkedin.com>";
    private static final Pattern SEARCH_HIT = Pattern.compile("\\* SEARCH \\d+");
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200)).ignoreExceptions();

    /** A signed-in API client: the session cookie and the CSRF token the sign-in returned. */
    record Client(int port, String cookie, String csrf) {
        RequestSpecification request() {
            return given(port).cookie("havewemet_session", cookie);
        }

        RequestSpecification write() {
            return request().header("X-CSRF-Token", csrf);
        }
    }

    private UserWeb() {
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String yaml(int port) {
        return HaveWeMetJames.TEST_YAML + "userweb:\n  port: " + port + "\n";
    }

    static RequestSpecification given(int port) {
        return RestAssured.given().spec(new RequestSpecBuilder().setBaseUri("http://127.0.0.1").setPort(port)
            .setContentType(ContentType.JSON).build());
    }

    static Response signInResponse(int port, String address, String password) {
        return given(port).body(Map.of("address", address, "password", password)).post("/api/session");
    }

    static Client signIn(int port, String address) {
        Response response = signInResponse(port, address, HaveWeMetJames.PASSWORD);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return new Client(port, response.cookie("havewemet_session"), response.jsonPath().getString("csrfToken"));
    }

    /** Sends the test mail {@code mails/userweb/NAME} to {@code recipient} over SMTP, as the inviter's server would. */
    static void send(HaveWeMetServer james, String from, String recipient, String name) throws IOException {
        try (InputStream in = UserWeb.class.getResourceAsStream("/mails/userweb/" + name)) {
            String mail = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SMTPMessageSender smtp = new SMTPMessageSender("example.com");
            try {
                smtp.connect("127.0.0.1", james.probe(SmtpGuiceProbe.class).getSmtpPort())
                    .sendMessageWithHeaders(from, recipient, mail);
            } finally {
                smtp.close();
            }
        }
    }

    /** The folders (IMAP names) of the user's that hold the message with this Message-ID. */
    static List<String> foldersHolding(HaveWeMetServer james, String user, String messageId) throws IOException {
        List<String> holding = new ArrayList<>();
        for (String folder : List.of(TestIMAPClient.INBOX, "Invitations.Unexplained", "Invitations.Priority",
            "Spam")) {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", james.imapPort()).login(user, HaveWeMetJames.PASSWORD);
                String selected = imap.sendCommand("SELECT " + folder);
                if (!selected.contains("OK")) {
                    continue;
                }
                String found = imap.sendCommand("SEARCH HEADER Message-ID \"" + messageId + "\"");
                if (SEARCH_HIT.matcher(found).find()) {
                    holding.add(folder);
                }
            }
        }
        return holding;
    }
}
