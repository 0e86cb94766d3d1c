package org.havewemet.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Platform profiles ({@code platforms.*}).
 *
 * @param file optional admin YAML file overriding or extending the shipped platform profiles; null when absent.
 *             A relative path is relative to the directory of {@code havewemet.yaml}.
 */
public record PlatformsConfig(String file) {

    /** The override file resolved against {@code configDirectory}, if one is configured. */
    public Optional<Path> resolvedFile(Path configDirectory) {
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(file);
        return Optional.of(path.isAbsolute() || configDirectory == null ? path : configDirectory.resolve(path));
    }
}
