package org.havewemet.james;

import java.util.Set;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;

/**
 * The JSON forms of havewemet's WebAdmin tasks ({@code guice.extension.task} in {@code conf/extensions.properties}):
 * James' {@code GET /tasks/{id}} renders a task's details through these modules, and would drop the details of a
 * task type it has no module for.
 */
public class HaveWeMetTaskDtos implements TaskExtensionModule {
    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return Set.of();
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return Set.of();
    }
}
