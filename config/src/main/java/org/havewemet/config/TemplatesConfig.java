package org.havewemet.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reply templates ({@code templates.*}).
 *
 * @param directory     where admin-edited templates live, relative to the James working directory unless absolute
 * @param defaultLocale locale used when neither an explicit one nor the note's language has a template
 */
public record TemplatesConfig(String directory, String defaultLocale) {
    public TemplatesConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(defaultLocale, "defaultLocale");
    }

    /** The directory resolved against the James working directory. */
    public Path resolvedDirectory(Path jamesWorkingDirectory) {
        Path path = Path.of(directory);
        return path.isAbsolute() ? path : jamesWorkingDirectory.resolve(path);
    }
}
