package org.havewemet.it.triage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.havewemet.it.triage.LabelledFixtures.Fixture;

/**
 * Sends the labelled mails to the server over plain SMTP, in parallel batches: one connection per batch, several
 * mails per connection, each mail with its own envelope and its own recipient. The bytes go out as they are
 * (ISO-8859-1 both ways keeps 8-bit text byte for byte; commons-net adds the dot-stuffing and CRLF line ends SMTP
 * wants).
 */
final class SmtpBatches {
    private final int smtpPort;

    SmtpBatches(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    /** Sends every mail; returns the SMTP refusals by user (empty when all were accepted). */
    Map<String, String> send(List<Fixture> mails, Map<String, Optional<String>> envelopes, int batches,
                             ExecutorService pool) throws Exception {
        Map<String, String> refused = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Fixture> batch = new ArrayList<>();
            for (int i = b; i < mails.size(); i += batches) {
                batch.add(mails.get(i));
            }
            running.add(pool.submit(() -> {
                sendBatch(batch, envelopes, refused);
                return null;
            }));
        }
        for (Future<?> batch : running) {
            batch.get();
        }
        return refused;
    }

    private void sendBatch(List<Fixture> batch, Map<String, Optional<String>> envelopes, Map<String, String> refused)
        throws IOException {
        SMTPClient client = new SMTPClient(StandardCharsets.ISO_8859_1.name());
        client.connect("127.0.0.1", smtpPort);
        try {
            client.helo("sender.example.com");
            for (Fixture mail : batch) {
                String problem = sendOne(client, envelopes.get(mail.user()).orElse(""), mail);
                if (problem != null) {
                    refused.put(mail.user(), problem);
                    client.reset();
                }
            }
            client.quit();
        } finally {
            client.disconnect();
        }
    }

    /** Null when accepted, else what the server answered. */
    private static String sendOne(SMTPClient client, String reversePath, Fixture mail) throws IOException {
        if (!SMTPReply.isPositiveCompletion(client.mail("<" + reversePath + ">"))) {
            return "MAIL FROM refused: " + client.getReplyString().strip();
        }
        if (!SMTPReply.isPositiveCompletion(client.rcpt("<" + mail.user() + ">"))) {
            return "RCPT TO refused: " + client.getReplyString().strip();
        }
        if (!client.sendShortMessageData(new String(mail.bytes(), StandardCharsets.ISO_8859_1))) {
            return "DATA refused: " + client.getReplyString().strip();
        }
        return null;
    }
}
