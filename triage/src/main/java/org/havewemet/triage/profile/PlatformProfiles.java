package org.havewemet.triage.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * All platform profiles plus the generic rules, loaded from YAML (the default shipped with havewemet-triage, or an
 * admin override file in the same format). Immutable and thread-safe once loaded.
 */
public final class PlatformProfiles {
    /** Classpath location of the default profiles (in the havewemet-config jar). */
    public static final String DEFAULT_RESOURCE = "org/havewemet/triage/platforms.yaml";

    /** The YAML file as a whole. */
    public record File(GenericRules generic, GenericRules.Direct direct, List<PlatformProfile> platforms) {
        public File {
            generic = generic == null ? new GenericRules(null, null, null, null, null, null, null, null, null, null, null, null, null, null) : generic;
            direct = direct == null ? new GenericRules.Direct(null, null, null, null, null, null) : direct;
            platforms = Lists.orEmpty(platforms);
        }
    }

    private final File file;
    private final List<CompiledProfile> compiled;
    private final CompiledGeneric generic;

    public PlatformProfiles(File file) {
        this.file = file;
        this.compiled = file.platforms().stream().map(CompiledProfile::new).toList();
        this.generic = new CompiledGeneric(file.generic(), file.direct());
    }

    public static PlatformProfiles loadDefault() {
        ClassLoader loader = PlatformProfiles.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
            }
            return new PlatformProfiles(mapper().readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Loads an admin override file; throws with a clear message on unknown keys or bad patterns. */
    public static PlatformProfiles load(Path yamlFile) {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            return new PlatformProfiles(mapper().readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read platform profiles " + yamlFile + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public List<CompiledProfile> platforms() {
        return compiled;
    }

    public Optional<CompiledProfile> byId(String id) {
        return compiled.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public CompiledGeneric generic() {
        return generic;
    }

    public File file() {
        return file;
    }
}
