package org.havewemet.config.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Every version of every template, one JSON file per version under
 * {@code .history/[domains/<domain>/]<name>/<locale>/<id>.json}. Ids start with a sequence number, so they sort in
 * the order the versions were made even when the clock goes backwards.
 */
final class TemplateHistory {
    static final Pattern VERSION_ID = Pattern.compile("[0-9]{6}-[0-9]{8}T[0-9]{9}Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The JSON form of a version; {@code subject} and {@code body} are null after a delete. */
    record Stored(String id, String at, String who, String action, String subject, String body, String rollbackOf) {
        TemplateVersion toVersion() {
            TemplateSource source = subject == null || body == null ? null : new TemplateSource(subject, body);
            return new TemplateVersion(id, Instant.parse(at), who, action, source, rollbackOf);
        }
    }

    private final Path root;
    private final Clock clock;

    TemplateHistory(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Records a new version; the caller holds the store's lock. */
    TemplateVersion append(TemplateId id, String who, String action, TemplateSource source, String rollbackOf)
            throws IOException {
        Path directory = directory(id);
        int sequence = list(id).stream().findFirst().map(v -> Integer.parseInt(v.id().substring(0, 6)) + 1).orElse(1);
        Instant now = clock.instant();
        String versionId = String.format(Locale.ROOT, "%06d-%s", sequence, STAMP.format(now));
        Stored stored = new Stored(versionId, now.toString(), who, action,
                source == null ? null : source.subject(), source == null ? null : source.body(), rollbackOf);
        AtomicFiles.write(directory.resolve(versionId + ".json"), JSON.writeValueAsString(stored));
        return stored.toVersion();
    }

    /** Newest first. */
    List<TemplateVersion> list(TemplateId id) throws IOException {
        Path directory = directory(id);
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - ".json".length()))
                    .filter(v -> VERSION_ID.matcher(v).matches())
                    .forEach(ids::add);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        ids.sort(Comparator.reverseOrder());
        List<TemplateVersion> versions = new ArrayList<>();
        for (String versionId : ids) {
            get(id, versionId).ifPresent(versions::add);
        }
        return versions;
    }

    Optional<TemplateVersion> get(TemplateId id, String versionId) throws IOException {
        if (versionId == null || !VERSION_ID.matcher(versionId).matches()) {
            throw new TemplateException(TemplateException.Kind.INVALID_NAME, "invalid version id \""
                    + TemplateId.printable(String.valueOf(versionId)) + "\": expected one like 000003-20261125T050102123Z");
        }
        Path file = directory(id).resolve(versionId + ".json");
        try {
            return Optional.of(JSON.readValue(Files.readString(file), Stored.class).toVersion());
        } catch (NoSuchFileException none) {
            return Optional.empty();
        }
    }

    private Path directory(TemplateId id) {
        Path scope = id.domain() == null ? root : root.resolve(TemplateId.DOMAINS_DIRECTORY).resolve(id.domain());
        return scope.resolve(id.name()).resolve(id.locale());
    }
}
