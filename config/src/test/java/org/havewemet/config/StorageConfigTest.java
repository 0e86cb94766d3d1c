package org.havewemet.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StorageConfigTest {

    private static ConfigException failure(String yaml) {
        return catchThrowableOfType(() -> ConfigLoader.loadFromString(yaml, "havewemet.yaml"), ConfigException.class);
    }

    @Test
    void storageShouldBeEmbeddedWhenNotConfigured() throws Exception {
        StorageConfig storage = ConfigLoader.loadFromString("", "havewemet.yaml").storage();
        assertThat(storage.backend()).isEqualTo(StorageConfig.Backend.EMBEDDED);
        assertThat(storage.isOpenSearch()).isFalse();
        assertThat(storage.opensearch()).isEqualTo(new StorageConfig.OpenSearch(List.of(), null, null, "havewemet-"));
    }

    @Test
    void openSearchKeysShouldBindWhenGiven() throws Exception {
        StorageConfig storage = ConfigLoader.loadFromString("storage:\n  backend: opensearch\n  opensearch:\n"
                + "    hosts: [http://os1:9200, 'https://os2.example.com:9200']\n    user: havewemet\n"
                + "    password: s3cr3t-value\n    indexPrefix: mail-a-\n", "havewemet.yaml").storage();
        assertThat(storage.isOpenSearch()).isTrue();
        assertThat(storage.opensearch().hosts()).containsExactly("http://os1:9200", "https://os2.example.com:9200");
        assertThat(storage.opensearch().user()).isEqualTo("havewemet");
        assertThat(storage.opensearch().password()).isEqualTo("s3cr3t-value");
        assertThat(storage.opensearch().indexPrefix()).isEqualTo("mail-a-");
        assertThat(storage.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void openSearchBackendShouldBeRejectedWhenNoHostIsGiven() {
        assertThat(failure("storage:\n  backend: opensearch\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("storage.opensearch.hosts"))
                .satisfies(p -> assertThat(p.message()).contains("at least one http(s)://host:port URL"));
    }

    @Test
    void unknownStorageKeyShouldBeRejectedWithItsPath() {
        assertThat(failure("storage:\n  opensearch:\n    host: http://os1:9200\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("storage.opensearch.host"))
                .satisfies(p -> assertThat(p.message()).contains("did you mean \"hosts\"?"));
        assertThat(failure("storage:\n  backend: cassandra\n").problems().get(0).message())
                .contains("storage.backend").contains("embedded").contains("opensearch");
    }

    @Test
    void badHostOrPrefixShouldBeRejectedAndAPasswordNeverEchoed() {
        ConfigException error = failure("storage:\n  opensearch:\n    hosts: [os1:9200]\n    indexPrefix: Mail\n"
                + "    password: [not, a, text, hunter2]\n");
        assertThat(error.problems()).extracting(ConfigProblem::keyPath)
                .contains("storage.opensearch.hosts[0]", "storage.opensearch.indexPrefix", "storage.opensearch.password");
        assertThat(error.getMessage()).doesNotContain("hunter2");
    }
}
