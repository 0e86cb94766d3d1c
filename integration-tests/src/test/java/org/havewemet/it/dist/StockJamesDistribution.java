package org.havewemet.it.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lays out a James 3.8.1 memory server the way its distribution ships it: {@code james-server-memory-app.jar}
 * whose manifest Class-Path names every runtime dependency under {@code james-server-memory-app.lib/} (both taken
 * from what the {@code stock-james} module resolved with Maven, at James' own versions), and a
 * {@code conf/} folder with a stock-like configuration (files under {@code src/test/resources/dist/conf}) that
 * knows nothing of havewemet.
 */
final class StockJamesDistribution {
    static final String APP_JAR = "james-server-memory-app.jar";
    static final String LIB_DIR = "james-server-memory-app.lib";
    static final String DISTRIBUTION_PROPERTY = "havewemet.stockJames";
    static final List<String> CONF_FILES = List.of("dnsservice.xml", "domainlist.xml", "healthcheck.properties",
        "imapserver.xml", "jmx.properties", "listeners.xml", "lmtpserver.xml", "logback.xml", "mailetcontainer.xml",
        "mailrepositorystore.xml", "managesieveserver.xml", "pop3server.xml", "smtpserver.xml",
        "usersrepository.xml", "webadmin.properties");

    private StockJamesDistribution() {
    }

    /**
     * Copies the server jar and its libraries from the distribution the {@code stock-james} module laid out with
     * James' own versions (system property {@value #DISTRIBUTION_PROPERTY}, set by this module's pom) into
     * {@code home}; returns the library jars it copied. Fails, naming them, when any jar the app jar's manifest
     * Class-Path lists is missing, or when the laid-out library folder holds a jar the manifest does not list.
     */
    static List<Path> layOutJars(Path home) throws IOException {
        Path distribution = distribution();
        Path appJar = distribution.resolve(APP_JAR);
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("no " + appJar + ": the stock-james module lays it out (run the build"
                + " with Maven, e.g. ./mvnw -B -pl integration-tests -am verify)");
        }
        Files.copy(appJar, home.resolve(APP_JAR), StandardCopyOption.REPLACE_EXISTING);

        List<String> libNames = libraryNames(appJar);
        Path sourceLib = distribution.resolve(LIB_DIR);
        Set<String> laidOut = jarNames(sourceLib);
        List<String> missing = libNames.stream().filter(name -> !laidOut.contains(name)).collect(Collectors.toList());
        List<String> unlisted = laidOut.stream().filter(name -> !libNames.contains(name)).sorted()
            .collect(Collectors.toList());
        if (!missing.isEmpty() || !unlisted.isEmpty()) {
            throw new IllegalStateException(sourceLib + " does not match the Class-Path of " + APP_JAR + " ("
                + libNames.size() + " jars): missing " + missing + ", not listed " + unlisted
                + "; the stock-james module's pom must resolve james-server-memory-app's dependencies the way James'"
                + " own build did");
        }
        Path lib = Files.createDirectories(home.resolve(LIB_DIR));
        List<Path> copied = new ArrayList<>();
        for (String name : libNames) {
            copied.add(linkOrCopy(sourceLib.resolve(name), lib.resolve(name)));
        }
        return copied;
    }

    /** A hard link where the file system allows one (313 jars, 120 MB: no need to copy them), else a copy. */
    private static Path linkOrCopy(Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            return Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            return Files.copy(source, target);
        }
    }

    /** The jar names of the app jar's manifest Class-Path, without the {@value #LIB_DIR}/ prefix. */
    static List<String> libraryNames(Path appJar) throws IOException {
        return manifestClassPath(appJar).stream()
            .map(entry -> {
                if (!entry.startsWith(LIB_DIR + "/")) {
                    throw new IllegalStateException("unexpected Class-Path entry " + entry + " in " + appJar);
                }
                return entry.substring(LIB_DIR.length() + 1);
            })
            .collect(Collectors.toList());
    }

    /** The distribution laid out by the stock-james module (james-server-memory-app.jar and its .lib folder). */
    static Path distribution() {
        String dir = System.getProperty(DISTRIBUTION_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + DISTRIBUTION_PROPERTY + " is not set: run this test"
                + " through Maven (integration-tests/pom.xml sets it to stock-james/target/james-server-memory-app)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** Writes the stock-like conf/ folder, replacing each {@code ${key}} of the templates by its value. */
    static void writeConf(Path home, Map<String, String> values) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        for (String name : CONF_FILES) {
            String text = resource("/dist/conf/" + name);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            if (text.contains("${")) {
                throw new IllegalStateException("unreplaced placeholder in conf/" + name + ":\n" + text);
            }
            Files.writeString(conf.resolve(name), text, StandardCharsets.UTF_8);
        }
    }

    static String resource(String name) {
        try (InputStream in = StockJamesDistribution.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> manifestClassPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                throw new IllegalStateException(jar + " has no Class-Path in its manifest");
            }
            return Arrays.stream(classPath.trim().split("\\s+")).collect(Collectors.toList());
        }
    }

    private static Set<String> jarNames(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar"))
                .collect(Collectors.toSet());
        }
    }
}
