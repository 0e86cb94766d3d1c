package org.havewemet.james;

import java.util.Set;

import javax.inject.Inject;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.havewemet.tasks.TaskDtoModules;
import org.havewemet.tasks.TaskJson;

/**
 * The JSON forms of havewemet's WebAdmin tasks ({@code guice.extension.task} in {@code conf/extensions.properties}):
 * James' {@code GET /tasks/{id}} renders a task's details through these modules, and leaves out the details of a
 * task type it has no module for. The tasks' own JSON ({@link #taskDTOModules}) is for a James whose task manager
 * stores or ships tasks; the memory task manager runs them in process.
 */
public class HaveWeMetTaskDtos implements TaskExtensionModule {
    private final HaveWeMetRuntime runtime;

    @Inject
    public HaveWeMetTaskDtos(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return TaskJson.modules(runtime);
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return TaskDtoModules.all();
    }
}
