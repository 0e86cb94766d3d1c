package org.havewemet.james;

import java.util.Set;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.havewemet.tasks.TaskDtoModules;

/**
 * The JSON forms of havewemet's WebAdmin tasks ({@code guice.extension.task} in {@code conf/extensions.properties}):
 * James' {@code GET /tasks/{id}} renders a task's details through these modules, and leaves out the details of a
 * task type it has no module for. The tasks themselves need no JSON form on the memory task manager, which runs them
 * in the same process (a distributed James would need {@link #taskDTOModules}).
 */
public class HaveWeMetTaskDtos implements TaskExtensionModule {
    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return Set.of();
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return TaskDtoModules.all();
    }
}
