package org.havewemet.config;

import java.util.Objects;

/**
 * The whole of {@code havewemet.yaml}, immutable. Every section and every key has a default, so an empty file (or
 * {@link #defaults()}) is a valid configuration. Build it with {@link ConfigLoader}, which reports every problem of a
 * file at once instead of failing on the first one.
 */
public record HaveWeMetConfig(FoldersConfig folders,
                              RepliesConfig replies,
                              JudgeConfig judge,
                              PlatformsConfig platforms,
                              DigestConfig digest,
                              IndexConfig index,
                              TemplatesConfig templates,
                              PatternsConfig patterns,
                              AddressesConfig addresses,
                              BulkConfig bulk,
                              LearningConfig learning,
                              UserWebConfig userweb,
                              StorageConfig storage) {

    public HaveWeMetConfig {
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(patterns, "patterns");
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(userweb, "userweb");
        Objects.requireNonNull(storage, "storage");
    }

    /** The configuration an empty file yields. */
    public static HaveWeMetConfig defaults() {
        return ConfigLoader.DEFAULTS;
    }
}
