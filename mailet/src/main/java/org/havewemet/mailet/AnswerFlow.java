package org.havewemet.mailet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.reply.AnswerClassifier;
import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.AnswerMatcher;
import org.havewemet.reply.LedgerEntry;
import org.havewemet.reply.LedgerStore;
import org.havewemet.triage.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the conversation after "Have we met?": a mail whose In-Reply-To/References name one of our replies is
 * the inviter's answer. It is judged into a kind; an explained answer (a shared context or a mutual acquaintance)
 * moves the original invitation and the answer into the priority folder and makes the invitation PERSONAL in the
 * index. Automatic answers (vacation notices, bounces) are left alone, so two responders never ping-pong.
 */
final class AnswerFlow {
    private static final Logger LOGGER = LoggerFactory.getLogger(AnswerFlow.class);

    /** What happened to an answer; the folder is where the answer itself goes. */
    record Outcome(AnswerKind kind, Optional<String> folder) {
    }

    private final LedgerStore ledger;
    private final AnswerMatcher matcher;
    private final AnswerClassifier classifier;
    private final InvitationIndex index;
    private final IndexWriteQueue writes;
    private final MailboxMover mover;
    private final Folders folders;
    private final Clock clock;

    AnswerFlow(LedgerStore ledger, InvitationIndex index, IndexWriteQueue writes, MailboxMover mover, Folders folders,
               Clock clock) {
        this.writes = writes;
        this.ledger = ledger;
        this.matcher = new AnswerMatcher(ledger);
        this.classifier = new AnswerClassifier();
        this.index = index;
        this.mover = mover;
        this.folders = folders;
        this.clock = clock;
    }

    /** Empty when the mail is not an answer to one of this recipient's "have we met?" replies. */
    Optional<Outcome> handle(Mail mail, MailAddress recipient) throws Exception {
        MimeMessage message = mail.getMessage();
        Optional<LedgerEntry> asked = matcher.match(message)
            .filter(entry -> entry.user().equalsIgnoreCase(recipient.asString()));
        if (asked.isEmpty() || AnswerMatcher.isAutomatic(message)) {
            return Optional.empty();
        }
        LedgerEntry entry = asked.get();
        AnswerKind kind = classifier.classify(message);
        ledger.recordAnswer(entry.replyMessageId(), kind, clock.instant());
        String user = recipient.asString().toLowerCase(Locale.ROOT);
        String invitationId = InvitationRecord.idFor(user, entry.originalMessageId());
        // The invitation's own document may still be queued: read it only once it is written.
        writes.flush(HaveWeMetRuntime.FLUSH_TIMEOUT);
        Optional<InvitationRecord> invitation = index.get(invitationId);
        if (kind.isExplained()) {
            int moved = mover.moveByMessageId(user, entry.originalMessageId(), folders.unexplained(), folders.priority());
            LOGGER.info("havewemet: an explained answer ({}) moved {} invitation(s) to the priority folder", kind, moved);
            invitation.ifPresent(record -> reindex(answered(record, kind).withVerdict(Verdict.PERSONAL.name())));
            return Optional.of(new Outcome(kind, Optional.of(folders.priority())));
        }
        invitation.ifPresent(record -> reindex(answered(record, kind)));
        return Optional.of(new Outcome(kind, Optional.of(folders.unexplained())));
    }

    private void reindex(InvitationRecord record) {
        try {
            writes.submitRecord(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing an index update", e);
        }
    }

    private static InvitationRecord answered(InvitationRecord record, AnswerKind kind) {
        return record.withReplyStatus("answered", kind.name());
    }
}
