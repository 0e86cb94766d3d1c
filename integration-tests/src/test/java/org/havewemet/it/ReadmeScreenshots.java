package org.havewemet.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Screenshots that browser tests take: always into {@code target/screenshots/}; into the README's
 * {@code docs/images/} only when asked with {@code -Dhavewemet.readmeScreenshots=true}, so that an ordinary test
 * run never rewrites files of the repository.
 */
public final class ReadmeScreenshots {
    private ReadmeScreenshots() {
    }

    /** Keeps {@code shot} as {@code name}; returns where it went in target/. */
    public static Path save(Path shot, String name) throws IOException {
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        Path images = Path.of("..", "docs", "images");
        if (Boolean.getBoolean("havewemet.readmeScreenshots") && Files.isDirectory(images.getParent())) {
            Files.createDirectories(images);
            Files.copy(shot, images.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
