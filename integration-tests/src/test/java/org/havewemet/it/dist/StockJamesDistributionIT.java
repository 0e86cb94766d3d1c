package org.havewemet.it.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.james.util.Port;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the README's "Install into your James" section: a stock James 3.8.1 memory distribution
 * ({@code james-server-memory-app.jar} + {@code james-server-memory-app.lib/} + a stock-like {@code conf/} without
 * any havewemet line) gets exactly the README's snippets applied, starts as its own JVM with {@code java -jar}, loads
 * our mailet and WebAdmin routes from {@code extensions-jars/}, and still delivers plain mail to INBOX.
 * Everything lives under {@code target/stock-james/}; James' console log is {@code target/stock-james/james.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockJamesDistributionIT {
    static final String DOMAIN = "havewemet.test";
    static final String USER = "demo@" + DOMAIN;
    static final String PASSWORD = "stock-james-demo-password";
    static final Duration STARTUP_BOUND = Duration.ofSeconds(120);
    static final String LOCAL_DELIVERY = "<mailet match=\"All\" class=\"LocalDelivery\"/>";
    static final String TRIAGE_MAILET = "<mailet match=\"All\" class=\"org.havewemet.mailet.TriageInvitations\">";
    static final String PLATFORM_BOUNCE = "s-9f8e7d@bounce.linkedin.com";
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200));

    private final Path workspace = Path.of("target", "stock-james").toAbsolutePath();
    private final Path home = workspace.resolve("james");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private int smtpPort;
    private int imapPort;
    private int webAdminPort;
    private int userWebPort;
    private List<Path> jamesLibraries;
    private Path extensionJar;
    private ReadmeInstallSection readme;
    private JamesProcess james;

    @RegisterExtension
    final TestWatcher printJamesLogOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (james != null) {
                System.out.println("---- James log (" + james.log() + "), last 300 lines ----\n"
                    + james.logTail(300));
            }
        }
    };

    @BeforeAll
    void installHaveWeMetIntoStockJamesAndStartIt() throws Exception {
        deleteRecursively(workspace);
        Files.createDirectories(home);
        jamesLibraries = StockJamesDistribution.layOutJars(home);
        smtpPort = JamesProcess.freePort();
        imapPort = JamesProcess.freePort();
        webAdminPort = JamesProcess.freePort();
        StockJamesDistribution.writeConf(home, Map.of("domain", DOMAIN, "smtpPort", String.valueOf(smtpPort),
            "imapPort", String.valueOf(imapPort), "webadminPort", String.valueOf(webAdminPort)));
        assertThat(confText()).as("the stock conf knows nothing of havewemet").doesNotContain("org.havewemet");

        readme = ReadmeInstallSection.read(RepositoryFiles.readme());
        extensionJar = RepositoryFiles.extensionJar();
        readme.applyTo(home, extensionJar);
        // Only each user's own page is turned on: every other key keeps its default (the README's verification).
        userWebPort = JamesProcess.freePort();
        Files.writeString(home.resolve("conf/havewemet.yaml"), "userweb:\n  port: " + userWebPort + "\n");

        james = JamesProcess.start(home, workspace.resolve("james.log"));
        try {
            Duration startup = james.awaitPorts(STARTUP_BOUND, smtpPort, imapPort, webAdminPort);
            System.out.printf(Locale.ROOT, "stock James 3.8.1 + havewemet: SMTP, IMAP and WebAdmin up %.1f s after java -jar%n",
                startup.toMillis() / 1000.0);
            createUser();
        } catch (Throwable e) {
            throw new AssertionError("stock James did not come up; its log (" + james.log() + "):\n"
                + james.logTail(300), e);
        }
    }

    @AfterAll
    void stopJames() throws InterruptedException {
        if (james != null) {
            james.close();
        }
    }

    @Test
    void jamesLibraryFolderShouldHoldExactlyTheJarsTheAppManifestNames() throws IOException {
        List<String> manifest = StockJamesDistribution.libraryNames(home.resolve(StockJamesDistribution.APP_JAR));
        List<String> folder;
        try (Stream<Path> files = Files.list(home.resolve(StockJamesDistribution.LIB_DIR))) {
            folder = files.map(file -> file.getFileName().toString()).collect(Collectors.toList());
        }

        assertThat(folder).containsExactlyInAnyOrderElementsOf(manifest);
        assertThat(folder).as("James' own versions, not the newer ones this build manages")
            .contains("re2j-1.7.jar", "jsoup-1.15.3.jar", "awaitility-4.2.0.jar", "jna-5.8.0.jar", "asm-9.1.jar")
            .doesNotContain("re2j-1.8.jar", "jsoup-1.18.3.jar", "awaitility-4.2.2.jar");
    }

    @Test
    void readmeSnippetsShouldPutOurMailetsRightBeforeTheirAnchorsAndRegisterTheRoutes() throws IOException {
        String mailetContainer = Files.readString(home.resolve("conf/mailetcontainer.xml"));

        assertThat(mailetContainer).containsSubsequence("<processor state=\"transport\"", "RecipientRewriteTable",
            "<mailet match=\"SenderIsLocal\" class=\"org.havewemet.mailet.RecordCorrespondents\">", "</mailet>",
            "<mailet match=\"RecipientIsLocal\" class=\"ToProcessor\">");
        assertThat(mailetContainer).containsSubsequence("<processor state=\"local-delivery\"", "AddDeliveredToHeader",
            TRIAGE_MAILET, "<onMailetException>ignore</onMailetException>", "</mailet>", LOCAL_DELIVERY);
        String afterTriage = mailetContainer.substring(mailetContainer.indexOf(TRIAGE_MAILET));
        assertThat(afterTriage.substring(afterTriage.indexOf("</mailet>") + "</mailet>".length()).trim())
            .as("LocalDelivery follows our mailet directly").startsWith(LOCAL_DELIVERY);
        assertThat(Files.readString(home.resolve("conf/webadmin.properties")))
            .contains("extensions.routes=org.havewemet.webadmin.HaveWeMetRoutes");
        assertThat(Files.readString(home.resolve("conf/extensions.properties")))
            .contains("guice.extension.module=org.havewemet.james.HaveWeMetModule")
            .contains("guice.extension.startable=org.havewemet.james.HaveWeMetStartable")
            .contains("guice.extension.task=org.havewemet.james.HaveWeMetTaskDtos");
    }

    @Test
    void stockJamesShouldLoadHaveWeMetFromExtensionsJarsOnlyThroughItsGuiceExtension() {
        assertThat(home.resolve("extensions-jars").resolve(extensionJar.getFileName())).isRegularFile();
        assertThat(jamesLibraries).as("James' own libraries").isNotEmpty()
            .noneMatch(jar -> jar.getFileName().toString().contains("havewemet"));
        assertThat(james.isAlive()).isTrue();
        assertThat(james.logText())
            .contains("Loading custom classpath resource "
                + home.resolve("extensions-jars").resolve(extensionJar.getFileName()))
            .contains("Enabling injects contained in org.havewemet.james.HaveWeMetModule")
            .contains("Starting org.havewemet.james.HaveWeMetStartable")
            .contains("Loading WebAdmin route extension org.havewemet.webadmin.HaveWeMetRoutes")
            .contains("Mailet org.havewemet.mailet.RecordCorrespondents instantiated.")
            .contains("Mailet org.havewemet.mailet.TriageInvitations instantiated.")
            .contains("havewemet started: configuration " + home.resolve("conf").resolve("havewemet.yaml")
                + ", data " + home.resolve("var").resolve("havewemet"))
            .doesNotContain("ClassNotFoundException")
            .doesNotContain("havewemet could not")
            .doesNotContain("havewemet failed");
    }

    @Test
    void plainMailSentOverSmtpShouldBeDeliveredToInboxWithoutOurHeaders() throws Exception {
        String delivered = sendAndReadFromFolder(StockJamesDistribution.resource("/dist/mails/plain-mail.eml"),
            "friend@example.com", TestIMAPClient.INBOX);

        assertThat(delivered).contains("Subject: Board games on Thursday?").doesNotContainIgnoringCase("X-HaveWeMet");
    }

    @Test
    void defaultLinkedInInvitationShouldBeFiledAsUnexplainedFromTheExtensionsJar() throws Exception {
        String delivered = sendAndReadFromFolder(
            StockJamesDistribution.resource("/dist/mails/linkedin-default-invitation.eml"), PLATFORM_BOUNCE,
            "Invitations.Unexplained");

        assertThat(delivered).contains("Subject: Sam Poe wants to connect with you on LinkedIn")
            .contains("X-HaveWeMet-Verdict: UNEXPLAINED");
        AWAIT.untilAsserted(() -> assertThat(home.resolve("var/havewemet/index"))
            .as("a commit of the extension jar's relocated Lucene (every commitIntervalSeconds, default 5)")
            .isDirectoryContaining(path -> path.getFileName().toString().startsWith("segments_")));
    }

    @Test
    void webAdminShouldAnswerTheReadmeVerificationCall() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webAdmin(readme.verificationPath()))
            .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(readme.expectedVerificationJson()));
        assertThat(json.readTree(response.body()).at("/folders/unexplained").asText())
            .isEqualTo("Invitations/Unexplained");
    }

    @Test
    void usersPageShouldServeFromTheExtensionsJarOnItsOwnListenerAndSignInWithTheImapPassword() throws Exception {
        URI page = URI.create("http://" + JamesProcess.HOST + ":" + userWebPort + "/");
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(page).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<script src=\"/app.js\" defer></script>");
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
            assertThat(csp).contains("default-src 'self'"));

        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(page.resolve("/api/session"))
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("address", USER,
                "password", PASSWORD))))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(201);
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        HttpResponse<String> search = http.send(HttpRequest.newBuilder(page.resolve("/api/invitations"))
            .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(json.readTree(search.body()).get("address").asText()).isEqualTo(USER);
    }

    @Test
    void extensionJarShouldContainNoClassThatJamesShips() throws IOException {
        Set<String> ours = ExtensionJarContents.classes(extensionJar);
        Set<String> james = ExtensionJarContents.classesOfAll(jamesLibraries);

        assertThat(ours).contains("org/havewemet/mailet/TriageInvitations.class",
            "org/havewemet/webadmin/HaveWeMetRoutes.class");
        assertThat(ExtensionJarContents.underForbiddenPrefixes(ours)).as("classes under packages James ships"
            + " or that must be relocated").isEmpty();
        assertThat(ours.stream().filter(james::contains).collect(Collectors.toList()))
            .as("classes also in james-server-memory-app.lib/").isEmpty();
        Set<String> loadableVersioned = ExtensionJarContents.isMultiRelease(extensionJar)
            ? ExtensionJarContents.underForbiddenPrefixes(ExtensionJarContents.versionedClasses(extensionJar))
            : Set.of();
        assertThat(loadableVersioned).as("unrelocated META-INF/versions classes of a Multi-Release jar").isEmpty();
    }

    /**
     * Sends {@code mail} over SMTP to {@link #USER} and returns the first message of {@code folder} over IMAP once
     * it is there (the folder is awaited first: our mailet creates it on demand).
     */
    private String sendAndReadFromFolder(String mail, String sender, String folder) throws Exception {
        try (SMTPMessageSender smtp = new SMTPMessageSender("example.com")) {
            smtp.connect(JamesProcess.HOST, Port.of(smtpPort)).sendMessageWithHeaders(sender, USER, mail);
        }
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect(JamesProcess.HOST, imapPort).login(USER, PASSWORD);
            AWAIT.untilAsserted(() -> assertThat(imap.list()).anyMatch(line -> line.endsWith(quoted(folder))
                || line.endsWith(" " + folder)));
            imap.select(folder).awaitMessage(AWAIT);
            return imap.readFirstMessage();
        }
    }

    private void createUser() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(webAdmin("/users/" + USER))
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("password", PASSWORD))))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("PUT /users/%s: %s", USER, response.body()).isEqualTo(204);
    }

    private URI webAdmin(String path) {
        return URI.create("http://" + JamesProcess.HOST + ":" + webAdminPort + path);
    }

    private String confText() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.collect(Collectors.toList())) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return all.toString();
        }
    }

    private static String quoted(String folder) {
        return "\"" + folder + "\"";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
