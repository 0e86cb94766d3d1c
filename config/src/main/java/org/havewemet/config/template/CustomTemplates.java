package org.havewemet.config.template;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin's template files, {@code <dir>/<name>/<locale>.mustache} and
 * {@code <dir>/domains/<domain>/<name>/<locale>.mustache}. Each access compares the file's modification time and
 * size with the cached compilation, so edits made directly on disk apply without a restart; a file edited into
 * something invalid is reported once in the log and ignored until fixed.
 */
final class CustomTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(CustomTemplates.class);
    static final String SUFFIX = ".mustache";

    /** A file as last read: valid ({@code compiled} set) or not ({@code problems} set). */
    record Snapshot(FileTime modified, long size, String text, TemplateEngine.Compiled compiled,
                    List<String> problems) {
        boolean valid() {
            return compiled != null;
        }
    }

    private final Path directory;
    private final Map<Path, Snapshot> cache = new ConcurrentHashMap<>();

    CustomTemplates(Path directory) {
        this.directory = directory;
    }

    Path path(TemplateId id) {
        Path scope = id.domain() == null ? directory
                : directory.resolve(TemplateId.DOMAINS_DIRECTORY).resolve(id.domain());
        return scope.resolve(id.name()).resolve(id.locale() + SUFFIX);
    }

    /** The admin's file for {@code id}, empty when there is none. */
    Optional<Snapshot> read(TemplateId id) {
        Path file = path(id);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            cache.remove(file);
            return Optional.empty();
        } catch (IOException unreadable) {
            LOG.warn("Cannot read template file {}: {}", file, unreadable.toString());
            return Optional.empty();
        }
        Snapshot cached = cache.get(file);
        if (cached != null && cached.modified().equals(attributes.lastModifiedTime())
                && cached.size() == attributes.size()) {
            return Optional.of(cached);
        }
        Snapshot fresh = load(id, file, attributes);
        cache.put(file, fresh);
        if (!fresh.valid()) {
            LOG.warn("Ignoring invalid template file {} until it is fixed: {}", file, fresh.problems());
        }
        return Optional.of(fresh);
    }

    /** Forgets a file after the store wrote or deleted it. */
    void invalidate(TemplateId id) {
        cache.remove(path(id));
    }

    /** Every admin template file with a valid name. */
    List<TemplateId> ids() {
        List<TemplateId> ids = new ArrayList<>();
        collect(directory, null, ids);
        Path domains = directory.resolve(TemplateId.DOMAINS_DIRECTORY);
        for (Path domainDirectory : children(domains)) {
            TemplateId.asDomain(domainDirectory.getFileName().toString())
                    .ifPresent(domain -> collect(domainDirectory, domain, ids));
        }
        return ids;
    }

    private void collect(Path scope, String domain, List<TemplateId> ids) {
        for (Path nameDirectory : children(scope)) {
            for (Path file : children(nameDirectory)) {
                String fileName = file.getFileName().toString();
                if (!fileName.endsWith(SUFFIX) || !Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    ids.add(new TemplateId(nameDirectory.getFileName().toString(),
                            fileName.substring(0, fileName.length() - SUFFIX.length()), domain));
                } catch (TemplateException notATemplate) {
                    // a stray file or directory (e.g. "domains", ".history"): not ours to list
                }
            }
        }
    }

    private static List<Path> children(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        } catch (IOException unreadable) {
            LOG.warn("Cannot list template directory {}: {}", directory, unreadable.toString());
            return List.of();
        }
    }

    private static Snapshot load(TemplateId id, Path file, BasicFileAttributes attributes) {
        FileTime modified = attributes.lastModifiedTime();
        if (attributes.size() > TemplateEngine.MAX_BYTES) {
            return new Snapshot(modified, attributes.size(), "", null, List.of("template file is "
                    + attributes.size() + " bytes, more than the " + TemplateEngine.MAX_BYTES + " bytes allowed"));
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException notUtf8) {
            return new Snapshot(modified, attributes.size(), "", null, List.of("template file is not valid UTF-8"));
        } catch (IOException unreadable) {
            return new Snapshot(modified, attributes.size(), "", null, List.of("cannot read: " + unreadable));
        }
        try {
            TemplateEngine.Compiled compiled = TemplateEngine.compile(id.name(), TemplateSource.parse(text));
            return new Snapshot(modified, attributes.size(), text, compiled, List.of());
        } catch (TemplateException invalid) {
            return new Snapshot(modified, attributes.size(), text, null, invalid.problems());
        }
    }
}
