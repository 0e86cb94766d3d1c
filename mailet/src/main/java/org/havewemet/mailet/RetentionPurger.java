package org.havewemet.mailet;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.havewemet.index.InvitationIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops invitations older than {@code index.retentionDays} from the index, at start and then every six hours. */
final class RetentionPurger implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(RetentionPurger.class);

    private final InvitationIndex index;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    RetentionPurger(InvitationIndex index, int retentionDays, Clock clock) {
        this.index = index;
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "havewemet-retention");
            thread.setDaemon(true);
            return thread;
        });
        if (retentionDays > 0) {
            scheduler.scheduleWithFixedDelay(this::purge, 1, TimeUnit.HOURS.toMinutes(6), TimeUnit.MINUTES);
        }
    }

    /** @return how many invitations were dropped; never throws (it runs on a timer) */
    int purge() {
        try {
            int purged = index.purgeOlderThan(clock.instant().minus(retention));
            if (purged > 0) {
                LOGGER.info("havewemet retention: {} invitations older than {} days dropped", purged, retention.toDays());
            }
            return purged;
        } catch (Exception e) {
            LOGGER.error("havewemet retention purge failed", e);
            return 0;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
