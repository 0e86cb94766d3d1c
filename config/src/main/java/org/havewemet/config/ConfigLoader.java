package org.havewemet.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code havewemet.yaml}. The YAML is first read into a located tree and checked key by key against
 * {@link ConfigSchema}, so that every problem is reported at once with its line, column and key path; only a clean
 * tree (defaults filled in) is then bound by Jackson into {@link HaveWeMetConfig}.
 */
public final class ConfigLoader {
    /** Larger files are surely not a hand-written configuration. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper BINDER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static final HaveWeMetConfig DEFAULTS = bindDefaults();

    private ConfigLoader() {
    }

    /**
     * Loads a configuration file.
     *
     * @throws ConfigException listing every problem, or that the file is missing or unreadable (naming the path)
     */
    public static HaveWeMetConfig load(Path file) throws ConfigException {
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw fileProblem(file.toString(), "file is larger than " + MAX_FILE_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            String yaml = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return loadFromString(yaml, source);
        } catch (NoSuchFileException missing) {
            throw fileProblem(file.toString(), "configuration file does not exist");
        } catch (CharacterCodingException notUtf8) {
            throw fileProblem(file.toString(), "configuration file is not valid UTF-8");
        } catch (IOException unreadable) {
            throw fileProblem(file.toString(), "cannot read configuration file (" + unreadable.getClass().getSimpleName()
                    + ")");
        }
    }

    /** Like {@link #load(Path)}, but a file that does not exist yields the defaults. */
    public static HaveWeMetConfig loadOrDefaults(Path file) throws ConfigException {
        return Files.exists(file) ? load(file) : DEFAULTS;
    }

    /**
     * Loads configuration text.
     *
     * @param sourceName the label problems start with, usually the file name
     * @throws ConfigException listing every problem found
     */
    public static HaveWeMetConfig loadFromString(String yaml, String sourceName) throws ConfigException {
        Problems problems = new Problems(sourceName);
        YamlTree.Node tree;
        try (JsonParser parser = YAML.createParser(yaml)) {
            tree = YamlTree.read(parser, problems);
        } catch (IOException syntax) {
            List<ConfigProblem> all = new ArrayList<>(problems.list());
            all.add(YamlSyntax.problem(sourceName, syntax));
            throw new ConfigException(all);
        }
        JsonNode normalized = ConfigSchema.ROOT.check("", tree, problems);
        if (normalized != null) {
            CrossChecks.check(normalized, tree, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        try {
            return BINDER.treeToValue(normalized, HaveWeMetConfig.class);
        } catch (JsonMappingException bindingFailed) {
            // The schema and the records disagree: a bug of ours, but still reported as a problem, never a crash.
            String path = bindingFailed.getPath().stream().map(r -> r.getFieldName() == null
                    ? "[" + r.getIndex() + "]" : r.getFieldName()).collect(Collectors.joining("."));
            throw new ConfigException(List.of(new ConfigProblem(sourceName, path, 0, 0, null,
                    "cannot bind value (" + bindingFailed.getOriginalMessage() + ")", null)));
        } catch (IOException unexpected) {
            throw new UncheckedIOException(unexpected);
        }
    }

    private static ConfigException fileProblem(String path, String what) {
        return new ConfigException(List.of(new ConfigProblem(path, "", 0, 0, null, what, null)));
    }

    private static HaveWeMetConfig bindDefaults() {
        try {
            return BINDER.treeToValue(ConfigSchema.ROOT.defaultValue(), HaveWeMetConfig.class);
        } catch (IOException impossible) {
            throw new IllegalStateException("built-in configuration defaults do not bind", impossible);
        }
    }
}
