package org.havewemet.tasks;

import java.util.Set;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.task.TaskExecutionDetails;

/** One JSON module per task type: the type name WebAdmin shows is the task's own. */
public final class TaskDtoModules {
    private TaskDtoModules() {
    }

    public static Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> all() {
        return Set.of(
            TaskDetailsDto.module(TaskDetails.Erase.class, EraseInviterTask.TYPE.asString(), TaskDetails.Erase::new),
            TaskDetailsDto.module(TaskDetails.Purge.class, PurgeTask.TYPE.asString(), TaskDetails.Purge::new),
            TaskDetailsDto.module(TaskDetails.Backfill.class, MailboxIndexingTask.BACKFILL.asString(),
                TaskDetails.Backfill::new),
            TaskDetailsDto.module(TaskDetails.Reindex.class, MailboxIndexingTask.REINDEX.asString(),
                TaskDetails.Reindex::new));
    }
}
