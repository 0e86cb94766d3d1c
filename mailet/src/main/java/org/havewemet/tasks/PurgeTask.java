package org.havewemet.tasks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retention on demand: drops every invitation received more than {@code olderThanDays} days ago, for every user. */
public final class PurgeTask implements Task {
    public static final TaskType TYPE = TaskType.of("havewemet-retention-purge");
    private static final Logger LOGGER = LoggerFactory.getLogger(PurgeTask.class);

    private final HaveWeMetRuntime runtime;
    private final int olderThanDays;
    private final Instant cutoff;
    private final AtomicInteger removed = new AtomicInteger();

    public PurgeTask(HaveWeMetRuntime runtime, int olderThanDays) {
        this.runtime = runtime;
        this.olderThanDays = olderThanDays;
        this.cutoff = runtime.clock().instant().minus(Duration.ofDays(olderThanDays));
    }

    @Override
    public Result run() {
        try {
            removed.set(runtime.index().purgeOlderThan(cutoff));
            return Result.COMPLETED;
        } catch (IOException | RuntimeException e) {
            LOGGER.error("havewemet: retention purge failed", e);
            return Result.PARTIAL;
        }
    }

    public int olderThanDays() {
        return olderThanDays;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("olderThanDays", olderThanDays);
        values.put("cutoff", cutoff.toString());
        values.put("removed", removed.get());
        return Optional.of(new TaskDetails.Purge(runtime.clock().instant(), values));
    }
}
