package org.havewemet.reply;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.havewemet.testing.TestClock;
import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Verdict;

/** Real messages from fixture files, a real ledger in a temp dir, a hand-moved clock. */
final class PolicyFixture implements AutoCloseable {
    static final String USER = "alice@example.org";
    static final String ALIAS = "a.example@example.org";
    static final Inviter BOB = new Inviter("Bob Martin", "Growth hacker", null, null, "bob.martin@inviter.test",
            "https://www.linkedin.com/in/bob-martin-123");

    final TestClock clock = new TestClock(Instant.parse("2026-11-25T05:00:00Z"));
    final ReplyLedger ledger;
    final RateLimiter limiter;
    final ReplyPolicy policy;

    PolicyFixture(Path dir, int perUser, int global) throws IOException {
        ledger = ReplyLedger.open(dir);
        limiter = new RateLimiter(clock, perUser, global);
        policy = new ReplyPolicy(ledger, limiter, clock);
    }

    static MimeMessage load(String name) {
        try (InputStream in = PolicyFixture.class.getResourceAsStream("/reply/" + name)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage direct() {
        return load("direct-request.eml");
    }

    static MimeMessage linkedin() {
        return load("linkedin-invitation.eml");
    }

    static MimeMessage with(MimeMessage message, String header, String value) {
        try {
            message.addHeader(header, value);
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Invitation directInvitation(String replyAddress) {
        return new Invitation(Invitation.DIRECT, EventKind.INVITATION, BOB, null, "en", null, null, null, null,
                replyAddress);
    }

    static Invitation linkedinInvitation(String replyAddress, EventKind event) {
        return new Invitation("linkedin", event, BOB, null, "en", "https://www.linkedin.com/accept?id=6987", "6987",
                3, 500, replyAddress);
    }

    static ReplyContext directContext(MimeMessage message, String envelopeSender, ReplySettings settings) {
        return new ReplyContext(message, envelopeSender, USER, Set.of(ALIAS), Verdict.UNEXPLAINED,
                directInvitation(envelopeSender), settings);
    }

    static ReplyContext directContext(MimeMessage message) {
        return directContext(message, "bob.martin@inviter.test", ReplySettings.defaults());
    }

    static ReplyContext linkedinContext(Invitation invitation) {
        return new ReplyContext(linkedin(), "s-7hg2k1@bounce.linkedin.com", USER, Set.of(ALIAS),
                Verdict.UNEXPLAINED, invitation, ReplySettings.defaults());
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }
}
