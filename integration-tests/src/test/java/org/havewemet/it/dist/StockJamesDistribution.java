package org.havewemet.it.dist;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lays out a James 3.8.1 memory server the way its distribution ships it: {@code james-server-memory-app.jar}
 * whose manifest Class-Path names every runtime dependency under {@code james-server-memory-app.lib/}, and a
 * {@code conf/} folder with a stock-like configuration (files under {@code src/test/resources/dist/conf}) that
 * knows nothing of havewemet.
 */
final class StockJamesDistribution {
    static final String APP_JAR = "james-server-memory-app.jar";
    static final String LIB_DIR = "james-server-memory-app.lib";
    static final String APP_ARTIFACT_FILE = "james-server-memory-app-3.8.1.jar";
    static final List<String> CONF_FILES = List.of("dnsservice.xml", "domainlist.xml", "healthcheck.properties",
        "imapserver.xml", "jmx.properties", "listeners.xml", "lmtpserver.xml", "logback.xml", "mailetcontainer.xml",
        "mailrepositorystore.xml", "managesieveserver.xml", "pop3server.xml", "smtpserver.xml",
        "usersrepository.xml", "webadmin.properties");

    private StockJamesDistribution() {
    }

    /** Copies the server jar and its libraries into {@code home}; returns the library jars it copied. */
    static List<Path> layOutJars(Path home) throws IOException {
        Map<String, Path> available = testClassPathJarsByName();
        Path appJar = Optional.ofNullable(available.get(APP_ARTIFACT_FILE))
            .or(() -> findInLocalMavenRepository(List.of(APP_ARTIFACT_FILE)).values().stream().findFirst())
            .orElseThrow(() -> new IllegalStateException(APP_ARTIFACT_FILE + " is neither on the test classpath"
                + " nor in ~/.m2 (integration-tests depends on org.apache.james:james-server-memory-app:3.8.1)"));
        Files.copy(appJar, home.resolve(APP_JAR), StandardCopyOption.REPLACE_EXISTING);

        List<String> libNames = manifestClassPath(appJar).stream()
            .map(entry -> {
                if (!entry.startsWith(LIB_DIR + "/")) {
                    throw new IllegalStateException("unexpected Class-Path entry " + entry + " in " + appJar);
                }
                return entry.substring(LIB_DIR.length() + 1);
            })
            .collect(Collectors.toList());
        List<String> missing = libNames.stream().filter(name -> !available.containsKey(name))
            .collect(Collectors.toList());
        Map<String, Path> fromMavenRepository = missing.isEmpty() ? Map.of() : findInLocalMavenRepository(missing);
        List<String> stillMissing = missing.stream().filter(name -> !fromMavenRepository.containsKey(name))
            .collect(Collectors.toList());
        if (!stillMissing.isEmpty()) {
            throw new IllegalStateException(stillMissing.size() + " of the " + libNames.size() + " jars listed in the"
                + " Class-Path of " + APP_ARTIFACT_FILE + " are neither on the test classpath nor in ~/.m2: "
                + stillMissing);
        }
        Path lib = Files.createDirectories(home.resolve(LIB_DIR));
        List<Path> copied = new ArrayList<>();
        for (String name : libNames) {
            Path source = available.getOrDefault(name, fromMavenRepository.get(name));
            copied.add(Files.copy(source, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING));
        }
        System.out.printf("%s: %d library jars, %d from the test classpath, from ~/.m2 %s%n", LIB_DIR, copied.size(),
            copied.size() - fromMavenRepository.size(), fromMavenRepository.keySet());
        return copied;
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

    /** Jars of this test's classpath (Maven puts every dependency of james-server-memory-app there) by file name. */
    private static Map<String, Path> testClassPathJarsByName() {
        Map<String, Path> jars = new HashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                jars.putIfAbsent(path.getFileName().toString(), path);
            }
        }
        return jars;
    }

    /** Fallback for jars Maven resolved to another version on the test classpath: look them up in ~/.m2 by name. */
    private static Map<String, Path> findInLocalMavenRepository(List<String> names) {
        Path repository = Path.of(System.getProperty("maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        if (!Files.isDirectory(repository)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(file -> names.contains(file.getFileName().toString()))
                .collect(Collectors.toMap(file -> file.getFileName().toString(), file -> file, (a, b) -> a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
