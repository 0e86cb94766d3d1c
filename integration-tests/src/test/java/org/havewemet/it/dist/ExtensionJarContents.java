package org.havewemet.it.dist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The class files of a jar, to prove our extension jar brings nothing James already loads. */
final class ExtensionJarContents {
    /** Packages James ships (or that we relocate): a class under any of them in our jar is a clash waiting. */
    static final List<String> FORBIDDEN_PREFIXES = List.of("org/apache/james/", "org/apache/mailet/",
        "com/google/common/", "com/google/inject/", "com/google/re2j/", "org/slf4j/", "ch/qos/logback/",
        "javax/mail/", "com/sun/mail/", "javax/inject/", "javax/activation/",
        "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/", "com/fasterxml/jackson/annotation/",
        "com/fasterxml/jackson/dataformat/yaml/", "org/yaml/snakeyaml/", "org/apache/lucene/",
        "org/tartarus/snowball/", "org/jsoup/", "com/samskivert/", "spark/", "reactor/", "io/netty/");

    private static final String VERSIONS = "META-INF/versions/";

    private ExtensionJarContents() {
    }

    /** Class entries (outside META-INF) of the jar. */
    static Set<String> classes(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Class entries under {@code META-INF/versions/N/}, as the class names they stand for. The JVM loads them only
     * when the manifest says {@code Multi-Release: true}; otherwise they are inert.
     */
    static Set<String> versionedClasses(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                .filter(name -> name.startsWith(VERSIONS) && name.endsWith(".class"))
                .map(name -> name.substring(name.indexOf('/', VERSIONS.length()) + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static boolean isMultiRelease(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && "true".equalsIgnoreCase(manifest.getMainAttributes().getValue("Multi-Release"));
        }
    }

    static Set<String> classesOfAll(Collection<Path> jars) throws IOException {
        Set<String> all = new HashSet<>();
        for (Path jar : jars) {
            all.addAll(classes(jar));
        }
        return all;
    }

    static Set<String> underForbiddenPrefixes(Set<String> classes) {
        return classes.stream().filter(name -> FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith))
            .collect(Collectors.toCollection(TreeSet::new));
    }
}
