package org.havewemet.mailet;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
import org.apache.james.mailbox.model.MailboxId;
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
 * own moves ({@link #ownSession}) are not corrections. The correction itself is
 * {@link HaveWeMetRuntime#correct}'s.
 */
public final class CorrectionListener implements EventListener.ReactiveGroupEventListener {
    /** The James event bus group of the listener (a public class with a public constructor, as James asks). */
    public static final class CorrectionGroup extends Group {
    }

    static final int RECENT_ADDS = 10_000;
    private static final Logger LOGGER = LoggerFactory.getLogger(CorrectionListener.class);
    /** Sessions havewemet itself opened to move or save mail: their events are never corrections. */
    private static final RecentSet OWN_SESSIONS = new RecentSet(1_000);

    private final HaveWeMetRuntime runtime;
    /** Recently added copies, by James message id: where they were added (a later expunge elsewhere moves them). */
    private final Map<String, Added> recent = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Added> eldest) {
            return size() > RECENT_ADDS;
        }
    };

    private record Added(String user, MailboxId mailbox, String folder, MessageUid uid) {
    }

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
            if (event instanceof MailboxEvents.Added added) {
                synchronized (recent) {
                    for (MessageMetaData meta : added.getAdded().values()) {
                        recent.put(meta.getMessageId().serialize(), new Added(user, added.getMailboxId(),
                            folder.get(), meta.getUid()));
                    }
                }
            } else if (event instanceof MailboxEvents.Expunged expunged) {
                for (MessageMetaData meta : expunged.getExpunged().values()) {
                    Added to;
                    synchronized (recent) {
                        to = recent.remove(meta.getMessageId().serialize());
                    }
                    if (to != null && to.user().equals(user) && !to.folder().equals(folder.get())) {
                        headerMessageId(to).ifPresent(id -> runtime.correct(user, id, to.folder()));
                    }
                }
            }
        } catch (Exception e) {
            // A correction lost is a count lost; the user's mail is untouched.
            LOGGER.warn("havewemet could not record a correction", e);
        }
    }

    private Optional<String> headerMessageId(Added to) throws Exception {
        MailboxManager mailboxes = runtime.mailboxManager();
        MailboxSession session = mailboxes.createSystemSession(Username.of(to.user()));
        ownSession(session);
        MessageManager mailbox = mailboxes.getMailbox(to.mailbox(), session);
        MessageResultIterator results = mailbox.getMessages(MessageRange.one(to.uid()), FetchGroup.HEADERS, session);
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
