package org.havewemet.fuzz;

import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.havewemet.triage.mime.MimeText;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any bytes that javax.mail accepts as a message go through parse and judge: triage never throws, returns within a
 * bound, and always explains itself (a verdict and at least one reason). Seeds are raw .eml files under
 * {@code TriageFuzzTestInputs/triageShouldNeverThrowAndAlwaysExplainItself/}; the envelope sender is picked from the
 * last bytes, so the front of a seed stays a readable mail.
 */
class TriageFuzzTest {
    /** Far above the few milliseconds a real mail takes; catches quadratic blow-ups and hangs. */
    private static final long BOUND_SECONDS = 10;
    private static final String[] SENDERS = {
        "s-1a2b3c@bounce.linkedin.com", "invitations@xing.com", "bob.stranger@example.org", "", "<>", "not an address",
    };
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final InvitationTriage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "triage-fuzz");
        thread.setDaemon(true);
        return thread;
    });

    @FuzzTest(maxDuration = "10m")
    void triageShouldNeverThrowAndAlwaysExplainItself(FuzzedDataProvider data) throws Exception {
        String sender = data.pickValue(SENDERS);
        byte[] bytes = data.consumeRemainingAsBytes();
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (MessagingException notAMessageForJavaMail) {
            return; // James would have refused it at SMTP time; nothing reaches the mailet
        }
        Future<TriageResult> running = WORKER.submit(() -> TRIAGE.triage(message, sender, "demo@havewemet.test"));
        TriageResult result;
        try {
            result = running.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            throw new AssertionError("triage took more than " + BOUND_SECONDS + " s on a " + bytes.length
                + "-byte mail", e);
        }
        assertThat(result.reasons()).as("every verdict has its reasons").isNotEmpty();
        if (result.verdict() == Verdict.NOT_INVITATION) {
            // Only an accepted notice keeps its (extracted) invitation: the responder needs the inviter for a thank-you.
            result.invitation().ifPresent(i -> assertThat(i.event()).isEqualTo(EventKind.ACCEPTED));
        } else {
            assertThat(result.invitation()).as(result.verdict() + " names the invitation it judged").isPresent();
        }
        if (result.verdict() == Verdict.SUSPICIOUS) {
            assertThat(result.reasons().stream().mapToDouble(Reason::weight).sum())
                .as("a suspicious verdict adds up its spoof weights").isGreaterThanOrEqualTo(JudgeSettings.defaults().suspiciousThreshold());
        }
        if (result.verdict() == Verdict.PERSONAL) {
            assertThat(result.invitation().get().note()).as("only the inviter's own words make an invitation personal")
                .isNotBlank();
        }
        result.invitation().map(Invitation::note).ifPresent(note ->
            assertThat(note.length()).as("the note is bounded by the text read").isLessThanOrEqualTo(MimeText.MAX_TEXT_BYTES));
    }
}
