package org.havewemet.mailet;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back when the configuration file is created, changed or deleted, from one daemon thread watching its
 * folder (the file system's change notification, not a check per mail). Bursts of events (an editor writing a file
 * in several steps) are coalesced into one call.
 */
final class ConfigWatcher implements AutoCloseable {
    static final long COALESCE_MILLIS = 200;
    private static final Logger LOGGER = LoggerFactory.getLogger(ConfigWatcher.class);

    private final Path file;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatcher(Path file, Runnable onChange, WatchService watcher) {
        this.file = file;
        this.onChange = onChange;
        this.watcher = watcher;
        this.thread = new Thread(this::run, "havewemet-config-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching {@code file}; a folder that does not exist cannot be watched (logged, no reloads). */
    static ConfigWatcher start(Path file, Runnable onChange) throws IOException {
        Path folder = file.getParent();
        WatchService service = FileSystems.getDefault().newWatchService();
        if (folder == null || !Files.isDirectory(folder)) {
            LOGGER.warn("havewemet: {} does not exist; edits of {} are not reloaded", folder, file.getFileName());
        } else {
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        }
        ConfigWatcher watcher = new ConfigWatcher(file, onChange, service);
        watcher.thread.start();
        return watcher;
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean ours = drain(key);
                // More events of the same write usually follow within milliseconds: take them with this one.
                WatchKey more;
                while ((more = watcher.poll(COALESCE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    ours |= drain(more);
                }
                if (ours) {
                    fire();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean drain(WatchKey key) {
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            Object context = event.context();
            ours |= event.kind() == StandardWatchEventKinds.OVERFLOW
                || (context instanceof Path changed && changed.equals(file.getFileName()));
        }
        key.reset();
        return ours;
    }

    private void fire() {
        try {
            onChange.run();
        } catch (RuntimeException e) {
            LOGGER.error("havewemet: reloading {} failed", file, e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOGGER.debug("havewemet: closing the configuration watcher", e);
        }
        thread.interrupt();
    }
}
