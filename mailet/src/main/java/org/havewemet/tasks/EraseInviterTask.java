package org.havewemet.tasks;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases one person everywhere havewemet keeps something about them, for every user: their invitation documents (by
 * the address they were recorded under, including direct requests, and by grouping key), correspondent entries, and
 * reply ledger lines. The digest is built from those two stores, so it can no longer list them; havewemet learns no
 * other facts about people. Index and ledger are rewritten on disk, not only marked deleted.
 */
public final class EraseInviterTask implements Task {
    public static final TaskType TYPE = TaskType.of("havewemet-erase-inviter");
    private static final Logger LOGGER = LoggerFactory.getLogger(EraseInviterTask.class);

    private final HaveWeMetRuntime runtime;
    private final String address;
    private final Clock clock;
    private final AtomicInteger indexDocuments = new AtomicInteger(-1);
    private final AtomicInteger ledgerEntries = new AtomicInteger(-1);

    public EraseInviterTask(HaveWeMetRuntime runtime, String address) {
        this.runtime = runtime;
        this.address = address;
        this.clock = runtime.clock();
    }

    @Override
    public Result run() {
        try {
            indexDocuments.set(runtime.index().eraseInviter(address));
            ledgerEntries.set(runtime.ledger().erase(address));
            runtime.eraseFromBulkInviters(address);
            return Result.COMPLETED;
        } catch (IOException | RuntimeException e) {
            LOGGER.error("havewemet: erasing one person failed", e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new TaskDetails.Erase(clock.instant(), Map.of("address", address,
            "indexDocuments", Math.max(0, indexDocuments.get()), "ledgerEntries", Math.max(0, ledgerEntries.get()))));
    }

    public String address() {
        return address;
    }

    /** How many invitation and correspondent documents were erased (-1 before the task ran). */
    public int indexDocuments() {
        return indexDocuments.get();
    }

    public int ledgerEntries() {
        return ledgerEntries.get();
    }
}
