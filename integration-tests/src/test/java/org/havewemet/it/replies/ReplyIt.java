package org.havewemet.it.replies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.apache.james.utils.TestIMAPClient;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.havewemet.index.InvitationRecord;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;
import org.havewemet.mailet.HaveWeMetRuntime;

/**
 * What the reply-rule tests share: building direct requests, a raw SMTP client that can send the null reverse path,
 * waiting for delivery over IMAP, and reading the reply status the index recorded for one invitation.
 */
final class ReplyIt {
    static final String USER = "demo@" + HaveWeMetJames.DOMAIN;
    static final List<String> FOLDERS = List.of(TestIMAPClient.INBOX, "Invitations.Unexplained",
        "Invitations.Priority", "Spam");
    /** How long "no reply reaches the outside" is watched; replies normally arrive well under a second. */
    static final Duration QUIET = Duration.ofMillis(1500);

    private ReplyIt() {
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    static String read(String name) {
        try (InputStream in = ReplyIt.class.getResourceAsStream("/mails/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail /mails/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unexplained direct request of mails/direct-unexplained.eml, from another person, with its own Message-ID. */
    static String directRequest(String inviter, String messageId) {
        return directRequest(inviter, "Bob Stranger", messageId);
    }

    /** The same request signed with another name. */
    static String directRequest(String inviter, String name, String messageId) {
        return read("direct-unexplained.eml")
            .replace("bob.stranger@example.org", inviter)
            .replace("Bob Stranger", name)
            .replace("<direct-2016-c3@mail.example.org>", messageId)
            .replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** The mail with these header lines put on top (before From). */
    static String withHeaders(String mail, String... headerLines) {
        return String.join("\r\n", headerLines) + "\r\n" + mail;
    }

    /** The mail with the first header line starting with {@code name:} replaced by {@code line}. */
    static String replaceHeader(String mail, String name, String line) {
        return mail.replaceFirst("(?m)^" + Pattern.quote(name) + ":[^\r\n]*", line);
    }

    /** Sends over plain SMTP; an empty {@code mailFrom} is the null reverse path (MAIL FROM:&lt;&gt;). */
    static void send(int smtpPort, String mailFrom, String recipient, String data) throws IOException {
        SMTPClient client = new SMTPClient();
        client.connect("127.0.0.1", smtpPort);
        try {
            expect(client, client.helo("example.com"), "HELO");
            expect(client, client.mail("<" + mailFrom + ">"), "MAIL FROM");
            expect(client, client.rcpt("<" + recipient + ">"), "RCPT TO");
            if (!client.sendShortMessageData(data)) {
                throw new IOException("DATA refused: " + client.getReplyString());
            }
            client.quit();
        } finally {
            client.disconnect();
        }
    }

    private static void expect(SMTPClient client, int code, String what) throws IOException {
        if (!SMTPReply.isPositiveCompletion(code)) {
            throw new IOException(what + " refused: " + client.getReplyString());
        }
    }

    /** Waits until a mail with this Message-ID was delivered to the user, in whatever folder; returns the folder. */
    static String awaitDelivered(int imapPort, String user, String messageId) {
        String[] found = new String[1];
        await().ignoreExceptions().until(() -> {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", imapPort).login(user, HaveWeMetJames.PASSWORD);
                for (String folder : FOLDERS) {
                    if (imap.getMessageCount(folder) > 0) {
                        imap.select(folder);
                        String hits = imap.sendCommand("SEARCH HEADER Message-ID \"" + messageId + "\"");
                        if (hits.matches("(?s).*\\* SEARCH \\d+.*")) {
                            found[0] = folder;
                            return true;
                        }
                    }
                }
                return false;
            }
        });
        return found[0];
    }

    /** The folders that hold a mail with this Message-ID (IMAP SEARCH HEADER). */
    static List<String> foldersHolding(int imapPort, String user, String messageId) throws IOException {
        List<String> found = new ArrayList<>();
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", imapPort).login(user, HaveWeMetJames.PASSWORD);
            for (String folder : FOLDERS) {
                if (imap.getMessageCount(folder) > 0) {
                    imap.select(folder);
                    if (imap.sendCommand("SEARCH HEADER Message-ID \"" + messageId + "\"")
                        .matches("(?s).*\\* SEARCH \\d+.*")) {
                        found.add(folder);
                    }
                }
            }
        }
        return found;
    }

    /** The first mail in the folder matching an IMAP search key (e.g. {@code SUBJECT "x"}), parsed; waits for it. */
    static MimeMessage awaitMessage(int imapPort, String user, String folder, String searchKey) {
        MimeMessage[] found = new MimeMessage[1];
        await().ignoreExceptions().until(() -> {
            try (TestIMAPClient imap = new TestIMAPClient()) {
                imap.connect("127.0.0.1", imapPort).login(user, HaveWeMetJames.PASSWORD);
                if (imap.getMessageCount(folder) == 0) {
                    return false;
                }
                imap.select(folder);
                Matcher hit = Pattern.compile("\\* SEARCH (\\d+)")
                    .matcher(imap.sendCommand("SEARCH " + searchKey));
                if (!hit.find()) {
                    return false;
                }
                found[0] = parseFetched(imap.sendCommand("FETCH " + hit.group(1) + " (BODY.PEEK[])"));
                return true;
            }
        });
        return found[0];
    }

    /** Parses the message out of an IMAP {@code * n FETCH (BODY[] {size}CRLF...)} response. */
    static MimeMessage parseFetched(String response) throws MessagingException {
        int open = response.indexOf('{');
        int close = response.indexOf('}', open);
        int size = Integer.parseInt(response.substring(open + 1, close));
        int start = response.indexOf('\n', close) + 1;
        byte[] all = response.substring(start).getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(all, Math.min(size, all.length));
        return new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(message));
    }

    /** The index record of the invitation with this Message-ID, for this user. */
    static Optional<InvitationRecord> record(HaveWeMetRuntime runtime, String user, String messageId)
        throws IOException {
        return runtime.index().get(InvitationRecord.idFor(user, messageId));
    }

    /**
     * Waits until the index records this outcome ("suppressed/NULL_SENDER", "replied/", ...) for the invitation;
     * an absent detail reads as empty.
     */
    static void awaitStatus(HaveWeMetRuntime runtime, String user, String messageId, String statusAndDetail) {
        await().untilAsserted(() -> Assertions.assertThat(record(runtime, user, messageId)
                .map(r -> r.replyStatus() + "/" + Objects.toString(r.replyDetail(), "")))
            .as("reply status of %s", messageId)
            .contains(statusAndDetail));
    }

    /** Asserts that for a while no mail reaches the outside world addressed to this recipient. */
    static void assertNothingReaches(OutsideWorld outside, String recipient) {
        Awaitility.await().during(QUIET).atMost(QUIET.plusSeconds(2)).pollInterval(Duration.ofMillis(100))
            .until(() -> outside.receivedBy(recipient).isEmpty());
    }

    /** Waits for exactly {@code count} mails to the recipient at the outside world and returns them. */
    static List<MimeMessage> awaitReplies(OutsideWorld outside, String recipient, int count) {
        await().until(() -> outside.receivedBy(recipient).size() >= count);
        return outside.receivedBy(recipient);
    }
}
