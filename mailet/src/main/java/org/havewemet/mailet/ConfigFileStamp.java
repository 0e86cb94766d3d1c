package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A cheap fingerprint of the configuration file (modification time and size; 0 when absent) to spot edits. */
final class ConfigFileStamp {
    private ConfigFileStamp() {
    }

    static long of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.lastModifiedTime().toMillis() * 31 + attributes.size();
        } catch (IOException absent) {
            return 0;
        }
    }
}
