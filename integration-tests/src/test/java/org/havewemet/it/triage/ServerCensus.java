package org.havewemet.it.triage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.utils.TestIMAPClient;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.OutsideWorld;

/**
 * What the server did, seen from outside as a user and an inviter would: each user's folders over IMAP (how many
 * mails in INBOX, the three verdict folders and Drafts) and the replies that reached GreenMail, told apart by their
 * From (a reply comes from the user it answers for, and every mail has its own user).
 */
final class ServerCensus {
    static final String INBOX = TestIMAPClient.INBOX;

    private final int imapPort;
    private final List<String> mailFolders;
    private final String drafts;

    /**
     * @param mailFolders INBOX and the verdict folders, where each delivered mail must be found exactly once
     * @param drafts      where drafts are saved
     */
    ServerCensus(int imapPort, List<String> mailFolders, String drafts) {
        this.imapPort = imapPort;
        this.mailFolders = List.copyOf(mailFolders);
        this.drafts = drafts;
    }

    /** Mail counts of one user. */
    record Mailbox(Map<String, Long> byFolder, long drafts) {
        long delivered() {
            return byFolder.values().stream().mapToLong(Long::longValue).sum();
        }

        List<String> holding() {
            List<String> found = new ArrayList<>();
            byFolder.forEach((folder, count) -> {
                for (long i = 0; i < count; i++) {
                    found.add(folder);
                }
            });
            return found;
        }
    }

    /** The mailboxes of these users, read over IMAP on the executor's threads (one connection per user). */
    Map<String, Mailbox> mailboxes(Collection<String> users, ExecutorService pool) throws Exception {
        Map<String, Future<Mailbox>> pending = new LinkedHashMap<>();
        for (String user : users) {
            pending.put(user, pool.submit(() -> mailbox(user)));
        }
        Map<String, Mailbox> result = new ConcurrentHashMap<>();
        for (Map.Entry<String, Future<Mailbox>> entry : pending.entrySet()) {
            result.put(entry.getKey(), entry.getValue().get());
        }
        return result;
    }

    private Mailbox mailbox(String user) throws IOException {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", imapPort).login(user, HaveWeMetJames.PASSWORD);
            Map<String, Long> byFolder = new LinkedHashMap<>();
            for (String folder : mailFolders) {
                byFolder.put(folder, imap.getMessageCount(folder));
            }
            return new Mailbox(byFolder, imap.getMessageCount(drafts));
        }
    }

    /** The recipients of the replies each user sent so far (lower case), by user. */
    static Map<String, List<String>> replies(OutsideWorld outside) {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        for (MimeMessage message : outside.received()) {
            try {
                Address[] from = message.getFrom();
                Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
                if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)) {
                    continue;
                }
                List<String> recipients = to == null ? List.of("(no To)") : Arrays.stream(to)
                    .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
                    .map(a -> a.toLowerCase(Locale.ROOT)).toList();
                byUser.computeIfAbsent(sender.getAddress().toLowerCase(Locale.ROOT), u -> new ArrayList<>())
                    .addAll(recipients);
            } catch (MessagingException unreadable) {
                byUser.computeIfAbsent("(unreadable)", u -> new ArrayList<>()).add(unreadable.toString());
            }
        }
        return byUser;
    }

    static int replyCount(OutsideWorld outside) {
        return replies(outside).values().stream().mapToInt(List::size).sum();
    }
}
