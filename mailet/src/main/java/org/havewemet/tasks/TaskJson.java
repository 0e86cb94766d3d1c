package org.havewemet.tasks;

import java.util.Set;

import org.apache.james.json.DTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.havewemet.mailet.HaveWeMetRuntime;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of havewemet's tasks themselves (what they were asked to do, not their progress), for a James whose
 * task manager stores or ships tasks (the distributed one); the memory task manager runs them in process and never
 * needs it. A task read back works on this server's runtime.
 */
public final class TaskJson {
    private TaskJson() {
    }

    public static Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> modules(HaveWeMetRuntime runtime) {
        return Set.of(
            DTOModule.forDomainObject(EraseInviterTask.class)
                .convertToDTO(Erase.class)
                .toDomainObjectConverter(dto -> new EraseInviterTask(runtime, dto.getAddress()))
                .toDTOConverter((task, type) -> new Erase(type, task.address()))
                .typeName(EraseInviterTask.TYPE.asString())
                .withFactory(TaskDTOModule::new),
            DTOModule.forDomainObject(PurgeTask.class)
                .convertToDTO(Purge.class)
                .toDomainObjectConverter(dto -> new PurgeTask(runtime, dto.getOlderThanDays()))
                .toDTOConverter((task, type) -> new Purge(type, task.olderThanDays()))
                .typeName(PurgeTask.TYPE.asString())
                .withFactory(TaskDTOModule::new),
            mailboxIndexing(runtime, false),
            mailboxIndexing(runtime, true));
    }

    private static TaskDTOModule<? extends MailboxIndexingTask, OneUser> mailboxIndexing(HaveWeMetRuntime runtime,
                                                                                          boolean reindex) {
        return reindex
            ? DTOModule.forDomainObject(MailboxIndexingTask.Reindex.class)
                .convertToDTO(OneUser.class)
                .toDomainObjectConverter(dto -> new MailboxIndexingTask.Reindex(runtime, dto.getUser()))
                .toDTOConverter((task, type) -> new OneUser(type, task.user()))
                .typeName(MailboxIndexingTask.REINDEX.asString())
                .withFactory(TaskDTOModule::new)
            : DTOModule.forDomainObject(MailboxIndexingTask.Backfill.class)
                .convertToDTO(OneUser.class)
                .toDomainObjectConverter(dto -> new MailboxIndexingTask.Backfill(runtime, dto.getUser()))
                .toDTOConverter((task, type) -> new OneUser(type, task.user()))
                .typeName(MailboxIndexingTask.BACKFILL.asString())
                .withFactory(TaskDTOModule::new);
    }

    /** {@code {"type":"havewemet-erase-inviter","address":"..."}}. */
    public static final class Erase implements TaskDTO {
        private final String type;
        private final String address;

        @JsonCreator
        public Erase(@JsonProperty("type") String type, @JsonProperty("address") String address) {
            this.type = type;
            this.address = address;
        }

        @Override
        public String getType() {
            return type;
        }

        public String getAddress() {
            return address;
        }
    }

    /** {@code {"type":"havewemet-retention-purge","olderThanDays":30}}. */
    public static final class Purge implements TaskDTO {
        private final String type;
        private final int olderThanDays;

        @JsonCreator
        public Purge(@JsonProperty("type") String type, @JsonProperty("olderThanDays") int olderThanDays) {
            this.type = type;
            this.olderThanDays = olderThanDays;
        }

        @Override
        public String getType() {
            return type;
        }

        public int getOlderThanDays() {
            return olderThanDays;
        }
    }

    /** {@code {"type":"havewemet-backfill","user":"..."}} (and reindex). */
    public static final class OneUser implements TaskDTO {
        private final String type;
        private final String user;

        @JsonCreator
        public OneUser(@JsonProperty("type") String type, @JsonProperty("user") String user) {
            this.type = type;
            this.user = user;
        }

        @Override
        public String getType() {
            return type;
        }

        public String getUser() {
            return user;
        }
    }
}
