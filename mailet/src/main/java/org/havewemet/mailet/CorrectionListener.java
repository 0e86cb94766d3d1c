package org.havewemet.mailet;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.events.Event;
import org.apache.james.events.EventListener;
import org.apache.james.events.Group;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.mailbox.MessageManager;
import org.apache.james.mailbox.MessageUid;
import org.apache.james.mailbox.events.MailboxEvents;
import org.apache.james.mailbox.model.FetchGroup;
import org.apache.james.mailbox.model.Header;
import org.apache.james.mailbox.model.MailboxPath;
import org.apache.james.mailbox.model.MessageMetaData;
import org.apache.james.mailbox.model.MessageRange;
import org.apache.james.mailbox.model.MessageResult;
import org.apache.james.mailbox.model.MessageResultIterator;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * Sees a user move an invitation between the priority and unexplained folders, Spam and INBOX in their own mail
 * client, through James' mailbox events: IMAP MOVE and COPY then EXPUNGE both show as a message (same James
 * message id) added to one of these folders by the user and expunged from another. Deliveries and havewemet's
 * own moves ({@link #ownSession}) are not corrections (on JPA storage, without message ids, a copy and its original
 * are matched by user, size and internal date instead). The copy half of a COPY then EXPUNGE is remembered in
 * {@link PendingCopies} under {@value #PENDING_FILE}, so a restart in between does not lose the move. The correction
 * itself is {@link HaveWeMetRuntime#correct}'s.
 */
public final class CorrectionListener implements EventListener.ReactiveGroupEventListener {
    /** The James event bus group of the listener (a public class with a public constructor, as James asks). */
    public static final class CorrectionGroup extends Group {
    }

    static final int RECENT_ADDS = 10_000;
    /** A copy not expunged elsewhere within this time is only a copy (clients expunge seconds after copying). */
    static final Duration COPY_EXPIRY = Duration.ofDays(1);
    static final String PENDING_FILE = "var/havewemet/pending-copies.jsonl";
    private static final Logger LOGGER = LoggerFactory.getLogger(CorrectionListener.class);
    /** Sessions havewemet itself opened to move or save mail: their events are never corrections. */
    private static final RecentSet OWN_SESSIONS = new RecentSet(1_000);

    private final HaveWeMetRuntime runtime;
    /** Copies not yet expunged from where they came from, opened with the runtime's data (survive a restart). */
    private volatile PendingCopies pending;

    public CorrectionListener(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    static void ownSession(MailboxSession session) {
        OWN_SESSIONS.add(session.getSessionId().toString());
    }

    @Override
    public Group getDefaultGroup() {
        return new CorrectionGroup();
    }

    @Override
    public boolean isHandling(Event event) {
        return event instanceof MailboxEvents.Added added && !added.isDelivery()
            || event instanceof MailboxEvents.Expunged;
    }

    @Override
    public Publisher<Void> reactiveEvent(Event event) {
        return Mono.fromRunnable(() -> handle(event));
    }

    void handle(Event event) {
        try {
            if (!runtime.isStarted() || !runtime.config().learning().enabled()) {
                return;
            }
            MailboxEvents.MailboxEvent mailboxEvent = (MailboxEvents.MailboxEvent) event;
            if (OWN_SESSIONS.contains(mailboxEvent.getSessionId().toString())) {
                return;
            }
            Optional<String> folder = runtime.folders().watched(mailboxEvent.getMailboxPath().getName());
            if (folder.isEmpty()) {
                return;
            }
            String user = mailboxEvent.getUsername().asString().toLowerCase(Locale.ROOT);
            PendingCopies copies = pending();
            if (event instanceof MailboxEvents.Added added) {
                for (MessageMetaData meta : added.getAdded().values()) {
                    copies.add(key(user, meta), new PendingCopies.Copy(user,
                        mailboxEvent.getMailboxPath().getName(), folder.get(), meta.getUid().asLong(),
                        runtime.clock().millis()));
                }
            } else if (event instanceof MailboxEvents.Expunged expunged) {
                for (MessageMetaData meta : expunged.getExpunged().values()) {
                    Optional<PendingCopies.Copy> to = copies.remove(key(user, meta));
                    if (to.isPresent() && to.get().user().equals(user) && !to.get().folder().equals(folder.get())) {
                        String target = to.get().folder();
                        headerMessageId(to.get()).ifPresent(id -> runtime.correct(user, id, target));
                    }
                }
            }
        } catch (Exception e) {
            // A correction lost is a count lost; the user's mail is untouched.
            LOGGER.warn("havewemet could not record a correction", e);
        }
    }

    /**
     * What a copy and the expunged original have in common: James' message id where the storage has one (memory,
     * Cassandra); JPA (serve's storage) has none, so the user, size and internal date, which COPY and MOVE keep.
     */
    private String key(String user, MessageMetaData meta) {
        if (runtime.mailboxManager().getSupportedMessageCapabilities()
                .contains(MailboxManager.MessageCapabilities.UniqueID)) {
            return meta.getMessageId().serialize();
        }
        return user + '\u0000' + meta.getSize() + '\u0000' + meta.getInternalDate().getTime();
    }

    private PendingCopies pending() {
        PendingCopies open = pending;
        if (open == null) {
            synchronized (this) {
                if (pending == null) {
                    pending = PendingCopies.open(runtime.base().resolve(PENDING_FILE), RECENT_ADDS, COPY_EXPIRY,
                        runtime.clock());
                }
                open = pending;
            }
        }
        return open;
    }

    private Optional<String> headerMessageId(PendingCopies.Copy to) throws Exception {
        MailboxManager mailboxes = runtime.mailboxManager();
        Username username = Username.of(to.user());
        MailboxSession session = mailboxes.createSystemSession(username);
        ownSession(session);
        MessageManager mailbox = mailboxes.getMailbox(MailboxPath.forUser(username, to.mailbox()), session);
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(MessageUid.of(to.uid())),
            FetchGroup.HEADERS, session);
        while (results.hasNext()) {
            MessageResult result = results.next();
            Iterator<Header> headers = result.getHeaders().headers();
            while (headers.hasNext()) {
                Header header = headers.next();
                if (header.getName().equalsIgnoreCase("Message-ID")) {
                    return Optional.of(header.getValue().trim());
                }
            }
        }
        return Optional.empty();
    }
}
