package org.havewemet.it.replies;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.utils.TestIMAPClient;
import org.havewemet.app.server.EmbeddedJames;
import org.havewemet.app.server.ServerSettings;
import org.havewemet.app.server.ServerSettings.HostAndPort;
import org.havewemet.it.HaveWeMetJames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.havewemet.it.replies.ReplyIt.USER;

/**
 * Two havewemet servers relaying to each other: a person on server B asks a user of server A to connect, A answers
 * "Have we met?" (Auto-Submitted, null reverse path), and B's havewemet must not answer that answer. Over a bounded
 * window each side holds exactly the one mail it should: A the request, B the reply.
 */
class LoopIT {
    private static final String OTHER = "other@second.test";

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @Test
    void twoRespondersShouldProduceAtMostOneReplyEach() throws Exception {
        int smtpA = freePort();
        int smtpB = freePort();
        try (EmbeddedJames a = start(dataA, "havewemet.test", smtpA, smtpB, USER);
             EmbeddedJames b = start(dataB, "second.test", smtpB, smtpA, OTHER)) {
            String request = ReplyIt.directRequest(OTHER, "Olivia Other", "<loop-1@second.test>");
            ReplyIt.send(b.smtpPort(), OTHER, USER, request);

            ReplyIt.awaitDelivered(a.imapPort(), USER, "<loop-1@second.test>");
            MimeMessage reply = ReplyIt.awaitMessage(b.imapPort(), OTHER, TestIMAPClient.INBOX, "ALL");
            assertThat(reply.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<loop-1@second.test>");

            ReplyIt.await().during(Duration.ofSeconds(3))
                .until(() -> total(a.imapPort(), USER) == 1 && total(b.imapPort(), OTHER) == 1);
        }
    }

    private static EmbeddedJames start(Path data, String domain, int smtpPort, int relayPort, String user)
        throws Exception {
        ServerSettings settings = new ServerSettings(data, "127.0.0.1", smtpPort, 0, 0,
            Optional.of(new HostAndPort("127.0.0.1", relayPort)), domain, 4, "200, 1000, 2000");
        EmbeddedJames james = EmbeddedJames.create(settings, true);
        renameJmxBeans(data, domain);
        james.start();
        james.ensureUser(user, HaveWeMetJames.PASSWORD);
        return james;
    }

    /**
     * Two servers share this JVM and its MBean server: each protocol server gets its own JMX name (a test-only
     * change of the written conf/, made before start).
     */
    private static void renameJmxBeans(Path data, String suffix) throws IOException {
        for (String file : new String[] {"smtpserver.xml", "imapserver.xml"}) {
            Path conf = data.resolve("conf").resolve(file);
            String xml = Files.readString(conf);
            Files.writeString(conf, xml.replaceAll("<jmxName>([^<]+)</jmxName>", "<jmxName>$1-" + suffix + "</jmxName>"));
        }
    }

    /** Every mail the user holds, in all the folders havewemet files into (and Drafts). */
    private static long total(int imapPort, String user) throws IOException {
        long count = 0;
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", imapPort).login(user, HaveWeMetJames.PASSWORD);
            for (String folder : imap.list().stream().map(LoopIT::folderName).toList()) {
                count += imap.getMessageCount(folder);
            }
        }
        return count;
    }

    /** The mailbox name at the end of an IMAP LIST line such as {@code * LIST (\HasNoChildren) "." "Spam"}. */
    private static String folderName(String listLine) {
        String name = listLine.substring(listLine.lastIndexOf(' ') + 1);
        return name.replace("\"", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
