package org.havewemet.tasks;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.james.task.TaskExecutionDetails;

/**
 * What a havewemet task reports in WebAdmin's {@code GET /tasks/{id}} ({@code additionalInformation}): named numbers
 * and texts, a snapshot taken when asked, so a running task shows its progress. One subclass per task type, because
 * James finds the JSON form of details by their class.
 */
public class TaskDetails implements TaskExecutionDetails.AdditionalInformation {
    private final Instant timestamp;
    private final Map<String, Object> values;

    TaskDetails(Instant timestamp, Map<String, Object> values) {
        this.timestamp = timestamp;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> values() {
        return values;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    /** Details of {@link EraseInviterTask}. */
    public static final class Erase extends TaskDetails {
        public Erase(Instant timestamp, Map<String, Object> values) {
            super(timestamp, values);
        }
    }

    /** Details of {@link PurgeTask}. */
    public static final class Purge extends TaskDetails {
        public Purge(Instant timestamp, Map<String, Object> values) {
            super(timestamp, values);
        }
    }

    /** Details of {@link MailboxIndexingTask} in backfill mode. */
    public static final class Backfill extends TaskDetails {
        public Backfill(Instant timestamp, Map<String, Object> values) {
            super(timestamp, values);
        }
    }

    /** Details of {@link MailboxIndexingTask} in reindex mode. */
    public static final class Reindex extends TaskDetails {
        public Reindex(Instant timestamp, Map<String, Object> values) {
            super(timestamp, values);
        }
    }
}
