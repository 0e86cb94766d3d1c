package org.havewemet.it.hardening.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.havewemet.it.hardening.RawSmtpClient;

/**
 * Several SMTP clients, each sending its own sequence of mixed mail as fast as the server takes it, until told to
 * stop or until a mail is not accepted (the server was killed): every other mail an invitation from a distinct
 * direct inviter (the kind havewemet answers), the others ordinary mail from a colleague. Every mail has its own
 * Message-ID; the load records what became of each.
 */
final class MailLoad {
    /** One mail of the load. */
    record Sent(String messageId, boolean invitation, String sender, RawSmtpClient.Outcome outcome) {
    }

    private final int port;
    private final String recipient;
    private final int clients;
    private final int mailsPerClient;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    MailLoad(int port, String recipient, int clients, int mailsPerClient) {
        this.port = port;
        this.recipient = recipient;
        this.clients = clients;
        this.mailsPerClient = mailsPerClient;
    }

    MailLoad start() {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client), "mail-load-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return this;
    }

    private void run(int client) {
        try (RawSmtpClient smtp = new RawSmtpClient("127.0.0.1", port)) {
            for (int n = 0; n < mailsPerClient && !stop.get(); n++) {
                boolean invitation = n % 2 == 0;
                String id = "<crash-" + client + "-" + n + "@load.example.org>";
                String sender = invitation ? "inviter-" + client + "-" + n + "@example.org"
                    : "colleague-" + client + "@partner.example.net";
                String message = invitation ? invitation(id, sender, client, n) : ordinary(id, sender, n);
                RawSmtpClient.Outcome outcome = smtp.send(sender, recipient, message.getBytes(StandardCharsets.UTF_8));
                sent.put(id, new Sent(id, invitation, sender, outcome));
                if (outcome != RawSmtpClient.Outcome.ACCEPTED) {
                    return; // the server is gone (or refuses): this client is done
                }
            }
        }
    }

    /** Asks the clients to stop after their current mail and waits for them. */
    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
    }

    Map<String, Sent> sent() {
        return Map.copyOf(sent);
    }

    private String invitation(String id, String inviter, int client, int n) {
        String name = "Person " + client + "-" + n;
        return "From: " + name + " <" + inviter + ">\r\nTo: " + recipient + "\r\n"
            + "Subject: Invitation to connect on LinkedIn\r\nDate: Thu, 14 Jul 2016 08:00:00 +0000\r\n"
            + "Message-ID: " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Demo,\r\n\r\nI'd like to add you to my professional network on LinkedIn.\r\n\r\n- " + name + "\r\n";
    }

    private String ordinary(String id, String colleague, int n) {
        return "From: Colleague <" + colleague + ">\r\nTo: " + recipient + "\r\n"
            + "Subject: Minutes of meeting " + n + "\r\nDate: Thu, 14 Jul 2016 09:00:00 +0000\r\n"
            + "Message-ID: " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Hello,\r\n\r\nattached are the minutes; the next meeting is on Friday at ten.\r\n\r\nRegards\r\n";
    }
}
