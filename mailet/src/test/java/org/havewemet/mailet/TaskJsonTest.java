package org.havewemet.mailet;

import java.nio.file.Path;

import org.apache.james.server.task.json.JsonTaskSerializer;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.havewemet.tasks.EraseInviterTask;
import org.havewemet.tasks.MailboxIndexingTask;
import org.havewemet.tasks.PurgeTask;
import org.havewemet.tasks.TaskJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** havewemet's tasks through James' own task serializer, as a task manager that stores tasks would use it. */
class TaskJsonTest {
    @TempDir
    Path jamesHome;
    private MailetFixture fixture;
    private JsonTaskSerializer serializer;

    @BeforeEach
    void setUp() {
        fixture = new MailetFixture(jamesHome, true);
        serializer = JsonTaskSerializer.of(TaskJson.modules(fixture.runtime).toArray(TaskDTOModule[]::new));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void eraseShouldSurviveSerialization() throws Exception {
        String json = serializer.serialize(new EraseInviterTask(fixture.runtime, "sam@remote.example"));

        assertThat(json).isEqualTo("{\"type\":\"havewemet-erase-inviter\",\"address\":\"sam@remote.example\"}");
        assertThat(((EraseInviterTask) serializer.deserialize(json)).address()).isEqualTo("sam@remote.example");
    }

    @Test
    void purgeShouldSurviveSerialization() throws Exception {
        String json = serializer.serialize(new PurgeTask(fixture.runtime, 30));

        assertThat(((PurgeTask) serializer.deserialize(json)).olderThanDays()).isEqualTo(30);
    }

    @Test
    void backfillAndReindexShouldKeepTheirKind() throws Exception {
        MailboxIndexingTask backfill = (MailboxIndexingTask) serializer.deserialize(serializer.serialize(
            MailboxIndexingTask.of(fixture.runtime, MailetFixture.USER, false)));
        MailboxIndexingTask reindex = (MailboxIndexingTask) serializer.deserialize(serializer.serialize(
            MailboxIndexingTask.of(fixture.runtime, MailetFixture.USER, true)));

        assertThat(backfill.isReindex()).isFalse();
        assertThat(reindex.isReindex()).isTrue();
        assertThat(reindex.user()).isEqualTo(MailetFixture.USER);
    }
}
