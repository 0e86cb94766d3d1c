package org.havewemet.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.mail.internet.MimeMessage;

import org.apache.james.GuiceJamesServer;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.SMTPMessageSender;
import org.apache.james.utils.TestIMAPClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin edits havewemet.yaml while James runs: the next mail follows it, no restart; a broken edit is ignored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigReloadIT {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;
    static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions();

    @RegisterExtension
    static final HaveWeMetServer JAMES = HaveWeMetServer.withUsers(USER);
    static final OutsideWorld OUTSIDE = JAMES.outside();

    @RegisterExtension
    SMTPMessageSender smtp = new SMTPMessageSender("example.com");

    @RegisterExtension
    TestIMAPClient imap = new TestIMAPClient();

    private Path yaml() {
        return JAMES.dataDirectory().resolve("conf/havewemet.yaml");
    }

    private void sendNotice(GuiceJamesServer server, String messageId) throws Exception {
        String notice = Mails.read("linkedin-2016-unexplained.eml")
            .replace("<1468314900000.invite.2016.a1@ltx1-app1.prod.linkedin.com>", messageId);
        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("s-1@bounce.linkedin.com", USER, notice);
    }

    @Test
    @Order(1)
    void editedFolderShouldApplyToTheNextMailWithoutRestart(GuiceJamesServer server) throws Exception {
        Files.writeString(yaml(), HaveWeMetJames.TEST_YAML + "folders:\n  unexplained: Strangers\n");
        // a watcher reloads the file when it changes: mail keeps coming until one lands in the new folder
        AWAIT.until(() -> {
            sendNotice(server, "<reload-" + System.nanoTime() + "@ltx1.prod.linkedin.com>");
            imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
                .login(USER, HaveWeMetJames.PASSWORD);
            return imap.getMessageCount("Strangers") > 0;
        });
        assertThat(server.getProbe(HaveWeMetProbe.class).runtime().folders().unexplained()).isEqualTo("Strangers");
    }

    @Test
    @Order(2)
    void brokenEditShouldKeepTheRunningConfiguration(GuiceJamesServer server) throws Exception {
        Files.writeString(yaml(), "folders:\n  unexplaind: Typo\n");
        var runtime = server.getProbe(HaveWeMetProbe.class).runtime();
        long before = imapCount(server, "Strangers");
        // the watcher sees the broken edit shortly after the write: until then mail keeps coming
        AWAIT.until(() -> {
            sendNotice(server, "<after-broken-edit-" + System.nanoTime() + "@ltx1.prod.linkedin.com>");
            return runtime.lastReloadError().isPresent();
        });
        assertThat(runtime.lastReloadError().get()).contains("folders.unexplaind");
        sendNotice(server, "<after-broken-edit@ltx1.prod.linkedin.com>");

        AWAIT.until(() -> imapCount(server, "Strangers") > before);
        assertThat(server.getProbe(HaveWeMetProbe.class).runtime().folders().unexplained()).isEqualTo("Strangers");
    }

    @Test
    @Order(3)
    void templateEditedOnDiskShouldBeUsedByTheNextReplyWithoutRestart(GuiceJamesServer server) throws Exception {
        Path template = JAMES.dataDirectory().resolve("var/havewemet/templates/reply/en.mustache");
        Files.createDirectories(template.getParent());
        Files.writeString(template, "Subject: Auto: Have we met, {{inviter.name}}?\n\n"
            + "Edited on disk: who are you, {{inviter.name}}, and how do we know each other?\n");
        String request = Mails.read("direct-unexplained.eml")
            .replace("bob.stranger@example.org", "erin.disk@example.org")
            .replace("Bob Stranger", "Erin Disk")
            .replace("<direct-2016-c3@mail.example.org>", "<direct-erin-1@mail.example.org>");

        smtp.connect("127.0.0.1", server.getProbe(SmtpGuiceProbe.class).getSmtpPort())
            .sendMessageWithHeaders("erin.disk@example.org", USER, request);

        AWAIT.until(() -> OUTSIDE.receivedBy("erin.disk@example.org").size() == 1);
        MimeMessage reply = OUTSIDE.receivedBy("erin.disk@example.org").get(0);
        assertThat(reply.getSubject()).isEqualTo("Auto: Have we met, Erin Disk?");
        assertThat((String) reply.getContent()).contains("Edited on disk: who are you, Erin Disk");
    }

    private long imapCount(GuiceJamesServer server, String folder) throws Exception {
        imap.connect("127.0.0.1", server.getProbe(ImapGuiceProbe.class).getImapPort())
            .login(USER, HaveWeMetJames.PASSWORD);
        return imap.getMessageCount(folder);
    }
}
