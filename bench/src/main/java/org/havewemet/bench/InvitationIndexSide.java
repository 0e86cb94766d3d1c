package org.havewemet.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.havewemet.index.InvitationIndex;
import org.havewemet.index.SortOrder;
import org.havewemet.mailet.ReplyOutcome;
import org.havewemet.mailet.TriageFactory;
import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.TriageResult;

/**
 * havewemet's side: every mail goes through the real triage and, when it is an invitation, into a real on-disk
 * {@link InvitationIndex} for one user, the way {@code ./havewemet backfill} does it (same record, same id, the mail's
 * Date as the received time). Questions are asked with {@link InvitationIndex#search} exactly as the WebAdmin route
 * {@code GET /havewemet/invitations} and {@code ./havewemet search} ask them: newest first, one page of 20 hits with
 * facets and highlighted snippets.
 *
 * <p>One difference from backfill: triage is built with {@link KnownInviters#NOBODY} instead of the index's
 * correspondent lookup. The benchmark user has no correspondents, so the verdicts are the same, and a lookup after
 * every write would wait for the index to reopen (backfill's cost, not search's).
 */
final class InvitationIndexSide implements AutoCloseable {
    /** Hits per page: the WebAdmin's and the CLI's default. */
    static final int PAGE = 20;

    private final InvitationIndex index;
    private final int read;
    private final int indexed;

    private InvitationIndexSide(InvitationIndex index, int read, int indexed) {
        this.index = index;
        this.read = read;
        this.indexed = indexed;
    }

    static InvitationIndexSide build(InvitationMails mails, Path dir, int threads) throws Exception {
        InvitationIndex index = InvitationIndex.open(dir);
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        Session session = Session.getInstance(new Properties());
        AtomicInteger indexed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, mails.size()).parallel().forEach(i -> {
                try {
                    MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mails.mail(i)));
                    String messageId = message.getMessageID();
                    String[] returnPath = message.getHeader("Return-Path");
                    String sender = returnPath == null ? null : returnPath[0].replaceAll("[<>\\s]", "");
                    TriageResult result = triage.triage(message, sender, JamesMailboxSide.USER);
                    if (result.invitation().isPresent()) {
                        Instant when = message.getSentDate().toInstant();
                        index.index(TriageFactory.record(JamesMailboxSide.USER, messageId, result.invitation().get(),
                            result, new ReplyOutcome(ReplyOutcome.NONE, "backfill"), when));
                        indexed.incrementAndGet();
                    }
                } catch (Exception e) {
                    if (failed.getAndIncrement() == 0) {
                        e.printStackTrace(System.out);
                    }
                }
            })).get();
            index.commit();
        } catch (Exception | Error e) {
            index.close();
            throw e;
        } finally {
            pool.shutdown();
        }
        if (failed.get() > 0) {
            index.close();
            throw new IllegalStateException(failed.get() + " of " + mails.size() + " mails failed triage or indexing");
        }
        return new InvitationIndexSide(index, mails.size(), indexed.get());
    }

    /** Mails read, and how many of them triage recognised as invitations (the rest are not in the index). */
    int read() {
        return read;
    }

    int indexed() {
        return indexed;
    }

    /** One page of the answer, as the WebAdmin asks for it; returns the total number of matching invitations. */
    long search(String query) throws Exception {
        return index.search(JamesMailboxSide.USER, query, SortOrder.DATE, PAGE, 0).total();
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
