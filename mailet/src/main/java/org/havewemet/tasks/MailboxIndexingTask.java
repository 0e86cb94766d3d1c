package org.havewemet.tasks;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.Username;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.MailboxMetaData;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.search.MailboxQuery;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.mailet.ReplyOutcome;
import org.havewemet.mailet.Snapshot;
import org.havewemet.mailet.TriageFactory;
import org.havewemet.triage.TriageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a user's own James mailboxes through the mailet's triage into the index, while the server runs (the index
 * is the server's, written through its queue: nothing to stop). Nothing is answered or moved. Each message goes
 * through the same server steps as at delivery ({@link Snapshot#markStored}: shared addresses, the user's
 * corrections, known mass inviters; a mass inviter is not counted again), and a verdict corrected by hand is kept.
 * <ul>
 *     <li>backfill adds the invitations the index lacks (idempotent: a second run adds nothing);</li>
 *     <li>reindex judges every message again with the current configuration and rewrites its document, keeping
 *     what was done about it (replied, drafted).</li>
 * </ul>
 * Drafts (ours), Sent and Outbox hold the user's own mail and are skipped. Progress is in the task's details.
 */
public abstract class MailboxIndexingTask implements Task {
    public static final TaskType BACKFILL = TaskType.of("havewemet-backfill");
    public static final TaskType REINDEX = TaskType.of("havewemet-reindex");
    static final Set<String> OWN_MAIL_FOLDERS = Set.of("sent", "outbox");
    /** The reason a correction gives (Corrections.USER_CORRECTION), kept when a corrected mail is judged again. */
    static final String CORRECTED = "USER_CORRECTION";
    private static final Logger LOGGER = LoggerFactory.getLogger(MailboxIndexingTask.class);

    private final HaveWeMetRuntime runtime;
    private final String user;
    private final boolean reindex;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong invitations = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong mailboxes = new AtomicLong();

    private MailboxIndexingTask(HaveWeMetRuntime runtime, String user, boolean reindex) {
        this.runtime = runtime;
        this.user = user.toLowerCase(Locale.ROOT);
        this.reindex = reindex;
    }

    /** A backfill, or a reindex when {@code reindex}. */
    public static MailboxIndexingTask of(HaveWeMetRuntime runtime, String user, boolean reindex) {
        return reindex ? new Reindex(runtime, user) : new Backfill(runtime, user);
    }

    /** Adds what the index lacks. */
    public static final class Backfill extends MailboxIndexingTask {
        public Backfill(HaveWeMetRuntime runtime, String user) {
            super(runtime, user, false);
        }
    }

    /** Rewrites every invitation's document. */
    public static final class Reindex extends MailboxIndexingTask {
        public Reindex(HaveWeMetRuntime runtime, String user) {
            super(runtime, user, true);
        }
    }

    @Override
    public Result run() throws InterruptedException {
        MailboxManager mailboxManager = runtime.mailboxManager();
        MailboxSession session = mailboxManager.createSystemSession(Username.of(user));
        mailboxManager.startProcessingRequest(session);
        try {
            Snapshot snapshot = runtime.current();
            InvitationIndex index = runtime.index();
            List<MessageManager> boxes = boxes(mailboxManager, session, snapshot);
            for (MessageManager box : boxes) {
                total.addAndGet(box.getMessageCount(session));
            }
            for (MessageManager box : boxes) {
                Iterator<MessageResult> messages = box.getMessages(MessageRange.all(), FetchGroup.FULL_CONTENT,
                    session);
                while (messages.hasNext()) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("cancelled");
                    }
                    index(snapshot, index, messages.next());
                }
                mailboxes.incrementAndGet();
            }
            return failed.get() == 0 ? Result.COMPLETED : Result.PARTIAL;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOGGER.error("havewemet: {} of one user's mailboxes failed", reindex ? "reindex" : "backfill", e);
            return Result.PARTIAL;
        } finally {
            mailboxManager.endProcessingRequest(session);
        }
    }

    private List<MessageManager> boxes(MailboxManager mailboxManager, MailboxSession session, Snapshot snapshot)
            throws Exception {
        String drafts = snapshot.folders().drafts().replace('/', session.getPathDelimiter());
        List<MailboxMetaData> found = mailboxManager.search(MailboxQuery.privateMailboxesBuilder(session).build(),
            session).collectList().block();
        List<MessageManager> boxes = new ArrayList<>();
        for (MailboxMetaData box : found == null ? List.<MailboxMetaData>of() : found) {
            MailboxPath path = box.getPath();
            if (path.getName().equalsIgnoreCase(drafts)
                    || OWN_MAIL_FOLDERS.contains(path.getName().toLowerCase(Locale.ROOT))) {
                continue;
            }
            boxes.add(mailboxManager.getMailbox(path, session));
        }
        return boxes;
    }

    private void index(Snapshot snapshot, InvitationIndex index, MessageResult result) {
        try {
            MimeMessage message;
            try (InputStream in = result.getFullContent().getInputStream()) {
                message = new MimeMessage(Session.getInstance(new Properties()), in);
            }
            String messageId = message.getMessageID() != null ? message.getMessageID()
                : "mailbox:" + result.getMailboxId().serialize() + ":" + result.getUid().asLong();
            String id = InvitationRecord.idFor(user, messageId);
            Optional<InvitationRecord> existing = index.get(id);
            if (existing.isPresent() && !reindex) {
                invitations.incrementAndGet();
                return;
            }
            TriageResult triaged = snapshot.markStored(message, user,
                snapshot.triage().triage(message, returnPath(message), user));
            if (triaged.invitation().isEmpty()) {
                return;
            }
            invitations.incrementAndGet();
            ReplyOutcome outcome = existing
                .map(record -> new ReplyOutcome(record.replyStatus(), record.replyDetail()))
                .orElse(new ReplyOutcome(ReplyOutcome.NONE, reindex ? "reindex" : "backfill"));
            Instant receivedAt = existing.map(InvitationRecord::receivedAt)
                .orElse(result.getInternalDate().toInstant());
            InvitationRecord judged = TriageFactory.record(user, messageId, triaged.invitation().get(), triaged,
                outcome, receivedAt);
            // A verdict set by hand stays: judging again must not undo the user's (or the admin's) correction.
            Optional<InvitationRecord.Correction> correction = existing.map(InvitationRecord::correction);
            runtime.record(correction.isPresent() ? judged.withVerdict(correction.get().verdict())
                .withReason(CORRECTED).withCorrection(correction.get()) : judged);
            written.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | StackOverflowError e) {
            failed.incrementAndGet();
            LOGGER.warn("havewemet: one message could not be indexed", e);
        } finally {
            processed.incrementAndGet();
        }
    }

    /** The envelope sender LocalDelivery wrote down; a direct request is answered (and recorded) at it. */
    private static String returnPath(MimeMessage message) throws MessagingException {
        String[] values = message.getHeader("Return-Path");
        if (values == null || values.length == 0) {
            return null;
        }
        String value = values[0].trim();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.isBlank() ? null : value;
    }

    public String user() {
        return user;
    }

    public boolean isReindex() {
        return reindex;
    }

    @Override
    public TaskType type() {
        return reindex ? REINDEX : BACKFILL;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("user", user);
        values.put("mailboxes", mailboxes.get());
        values.put("totalMessages", total.get());
        values.put("processedMessages", processed.get());
        values.put("invitations", invitations.get());
        values.put("written", written.get());
        values.put("failed", failed.get());
        Instant now = runtime.clock().instant();
        return Optional.of(reindex ? new TaskDetails.Reindex(now, values) : new TaskDetails.Backfill(now, values));
    }
}
