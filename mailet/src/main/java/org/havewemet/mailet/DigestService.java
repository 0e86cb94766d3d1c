package org.havewemet.mailet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.server.core.MailImpl;
import org.apache.james.user.api.UsersRepository;
import org.apache.mailet.MailetContext;
import org.havewemet.config.DigestConfig;
import org.havewemet.config.DigestSchedule;
import org.havewemet.config.template.RenderedTemplate;
import org.havewemet.config.template.TemplateModel;
import org.havewemet.config.template.TemplateStore;
import org.havewemet.index.IndexWriteQueue;
import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.SearchHit;
import org.havewemet.index.SortOrder;
import org.havewemet.reply.AnswerKind;
import org.havewemet.reply.LedgerEntry;
import org.havewemet.reply.LedgerStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic digest each user gets (daily or weekly, off by default): the invitations received since the last
 * digest, the "have we met?" conversations still open, and those never answered ("consider ignoring"), with
 * profile links; invitations to shared role or group addresses only as one count. When each user last got one is kept in {@code var/havewemet/digest.properties}, so a restart
 * neither repeats nor skips a digest.
 */
final class DigestService implements AutoCloseable {
    static final String NEVER_ANSWERED = "never answered, consider ignoring";
    static final String WAITING = "asked \"have we met?\", waiting for an answer";
    private static final Logger LOGGER = LoggerFactory.getLogger(DigestService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int MAX_ITEMS = 200;

    private final DigestConfig config;
    private final Duration answerWait;
    private final InvitationIndex index;
    private final LedgerStore ledger;
    private final TemplateStore templates;
    private final MailetContext context;
    private final UsersRepository users;
    private final Clock clock;
    private final Path stateFile;
    private final ScheduledExecutorService scheduler;
    private final IndexWriteQueue writes;

    DigestService(DigestConfig config, Duration answerWait, InvitationIndex index, IndexWriteQueue writes,
                  LedgerStore ledger, TemplateStore templates, MailetContext context, UsersRepository users, Clock clock,
                  Path stateFile) {
        this.writes = writes;
        this.config = config;
        this.answerWait = answerWait;
        this.index = index;
        this.ledger = ledger;
        this.templates = templates;
        this.context = context;
        this.users = users;
        this.clock = clock;
        this.stateFile = stateFile;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "havewemet-digest");
            thread.setDaemon(true);
            return thread;
        });
        if (config.schedule() != DigestSchedule.OFF) {
            scheduler.scheduleWithFixedDelay(this::sendDueDigests, 1, 5, TimeUnit.MINUTES);
        }
    }

    /** Sends the digests that are due now; never throws (it runs on a timer). */
    void sendDueDigests() {
        try {
            Iterator<Username> all = users.list();
            while (all.hasNext()) {
                String user = all.next().asString();
                if (isDue(lastSent(user))) {
                    sendNow(user);
                }
            }
        } catch (Exception e) {
            LOGGER.error("havewemet could not send the due digests", e);
        }
    }

    boolean isDue(Optional<Instant> last) {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        ZonedDateTime slot = now.withHour(config.hour()).withMinute(0).withSecond(0).withNano(0);
        if (config.schedule() == DigestSchedule.WEEKLY) {
            slot = slot.with(DayOfWeek.MONDAY);
        }
        if (slot.isAfter(now)) {
            slot = slot.minus(config.schedule() == DigestSchedule.WEEKLY ? Duration.ofDays(7) : Duration.ofDays(1));
        }
        Instant lastSlot = slot.toInstant();
        return config.schedule() != DigestSchedule.OFF && last.map(l -> l.isBefore(lastSlot)).orElse(true);
    }

    /** Builds and delivers one user's digest now, whatever the schedule; returns the number of items. */
    synchronized int sendNow(String user) throws Exception {
        // Invitations still queued for the index belong in this digest: the next one starts after "now".
        if (!writes.flush(HaveWeMetRuntime.FLUSH_TIMEOUT)) {
            LOGGER.warn("havewemet: index writes still queued after {}; the digest may miss them",
                HaveWeMetRuntime.FLUSH_TIMEOUT);
        }
        Instant now = clock.instant();
        Instant since = lastSent(user).orElse(now.minus(config.schedule() == DigestSchedule.WEEKLY
            ? Duration.ofDays(7) : Duration.ofDays(1)));
        List<TemplateModel.DigestItem> items = new ArrayList<>();
        int shared = 0;
        // Through the schema's query factory: exactly "received since", no query text to build and parse.
        for (SearchHit hit : index.search(user, index.schema().receivedBetween(since, null), SortOrder.DATE, MAX_ITEMS,
                0).hits()) {
            InvitationRecord r = hit.record();
            if (isShared(r)) {
                shared++;
            } else {
                items.add(item(r, r.verdict(), null));
            }
        }
        for (LedgerEntry entry : ledger.entries(user)) {
            if (!entry.isSent() || entry.answer() != AnswerKind.NO_ANSWER) {
                continue;
            }
            String status = entry.sentAt().isBefore(now.minus(answerWait)) ? NEVER_ANSWERED : WAITING;
            index.get(InvitationRecord.idFor(user, entry.originalMessageId()))
                .ifPresent(r -> items.add(item(r, status, null)));
        }
        RenderedTemplate text = templates.render("digest", List.of(), domainOf(user),
            TemplateModel.digest(new TemplateModel.Person(null, user), items,
                config.schedule() == DigestSchedule.WEEKLY ? "weekly" : "daily", DAY.format(now), shared));
        deliver(user, text);
        remember(user, now);
        return items.size();
    }

    /** Filed quietly because it came through a shared role or group address: counted apart, not listed. */
    static boolean isShared(InvitationRecord r) {
        return ReplyOutcome.SUPPRESSED.equals(r.replyStatus()) && ReplyService.SHARED.contains(r.replyDetail());
    }

    private static TemplateModel.DigestItem item(InvitationRecord r, String status, String folder) {
        return new TemplateModel.DigestItem(
            new TemplateModel.InviterInfo(r.inviterName(), r.inviterHeadline(), r.inviterCompany(), r.profileUrl(),
                r.inviterEmail()),
            r.platform(), r.note(), DAY.format(r.receivedAt()), status, folder);
    }

    private void deliver(String user, RenderedTemplate text) throws Exception {
        MimeMessage digest = new MimeMessage(Session.getInstance(new Properties()));
        MailAddress postmaster = context.getPostmaster();
        digest.setFrom(new InternetAddress(postmaster.asString(), "havewemet"));
        digest.setRecipients(Message.RecipientType.TO, user);
        digest.setSubject(text.subject(), "UTF-8");
        digest.setSentDate(Date.from(clock.instant()));
        digest.setHeader("Auto-Submitted", "auto-generated");
        digest.setText(text.body(), "UTF-8");
        digest.saveChanges();
        MailImpl mail = MailImpl.builder()
            .name(MailImpl.getId())
            .sender(MaybeSender.nullSender())
            .addRecipient(new MailAddress(user))
            .mimeMessage(digest)
            .addAttribute(TriageInvitations.GENERATED)
            .build();
        try {
            context.sendMail(mail);
        } finally {
            // Every James queue enqueues a copy (memory: a clone; ActiveMQ and others: serialised), so ours is ours to free.
            mail.dispose();
        }
    }

    private synchronized Optional<Instant> lastSent(String user) throws IOException {
        String value = state().getProperty(user.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(value).map(Instant::parse);
    }

    private synchronized void remember(String user, Instant at) throws IOException {
        Properties state = state();
        state.setProperty(user.toLowerCase(Locale.ROOT), at.toString());
        Files.createDirectories(stateFile.getParent());
        Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            state.store(out, "havewemet: when each user last got a digest");
        }
        Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Properties state() throws IOException {
        Properties state = new Properties();
        if (Files.exists(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                state.load(in);
            }
        }
        return state;
    }

    private static String domainOf(String user) {
        return user.substring(user.indexOf('@') + 1);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
