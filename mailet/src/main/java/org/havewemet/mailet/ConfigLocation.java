package org.havewemet.mailet;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.filesystem.api.FileSystem;
import org.havewemet.config.ConfigException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;

/**
 * Where havewemet's configuration lives and whether the admin named it. A file the admin named explicitly (the
 * {@code config} parameter of {@link TriageInvitations}) must exist and be valid; the default location may be
 * absent, which means the built-in defaults.
 *
 * @param location the location as written ({@code file://conf/havewemet.yaml})
 * @param file     the file it resolves to
 * @param explicit true when named by the admin, false for the default
 */
public record ConfigLocation(String location, Path file, boolean explicit) {
    public static final String DEFAULT = "file://conf/havewemet.yaml";

    /**
     * Where a location given to James' file system points.
     *
     * @throws IllegalStateException when an explicitly named file does not exist, or the location is no path or URL
     */
    static ConfigLocation resolve(FileSystem fileSystem, String location, boolean explicit) {
        try {
            File file = fileSystem.getFile(location);
            return new ConfigLocation(location, file.toPath().toAbsolutePath(), explicit);
        } catch (FileNotFoundException e) {
            if (explicit) {
                throw new IllegalStateException("havewemet: the configuration file " + location + " named by the"
                    + " config parameter of TriageInvitations does not exist", e);
            }
            return new ConfigLocation(location, jamesHome(fileSystem).resolve("conf").resolve("havewemet.yaml"), false);
        } catch (RuntimeException e) {
            throw new IllegalStateException("havewemet: config: expected a file path or a file:// URL, found \""
                + location + "\"", e);
        }
    }

    /** James' working directory: havewemet's data lives under its {@code var/havewemet}. */
    static Path jamesHome(FileSystem fileSystem) {
        try {
            return fileSystem.getBasedir().toPath().toAbsolutePath();
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("James has no working directory", e);
        }
    }

    /** Loads the configuration; a missing explicit file or any invalid file is an error naming the path. */
    public HaveWeMetConfig load() throws ConfigException {
        if (!explicit) {
            return ConfigLoader.loadOrDefaults(file);
        }
        return ConfigLoader.load(file);
    }

    /** Whether the file exists (a default location may not). */
    public boolean exists() {
        return Files.exists(file);
    }

    /** How startup errors name this file: the path and who named it. */
    public String describe() {
        return file + (explicit ? " (the config parameter of TriageInvitations: " + location + ")"
            : " (the default location)");
    }
}
