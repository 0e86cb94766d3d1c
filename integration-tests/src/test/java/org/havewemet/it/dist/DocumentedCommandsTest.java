package org.havewemet.it.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands the documentation gives are the ones CI runs, through the Maven Wrapper, and none runs Maven offline:
 * an offline command passes only where some earlier build happened to download what it needs.
 */
class DocumentedCommandsTest {
    static final String TEST_LINE = "./mvnw -B -Dstyle.color=never verify";

    @Test
    void ciShouldRunExactlyTheReadmeTestLine() throws IOException {
        Path root = RepositoryFiles.root();

        assertThat(Files.readAllLines(root.resolve("README.md"))).contains("    " + TEST_LINE);
        assertThat(Files.readAllLines(root.resolve(".ci/run")).stream().map(String::trim)
            .filter(line -> line.startsWith("./mvnw ") && line.contains(" verify")))
            .as("the test command of .ci/run").singleElement().asString().startsWith(TEST_LINE + " ")
            .doesNotContain("-o ", "--offline", "-Dmaven.repo.local");
    }

    @Test
    void documentedMavenCommandsShouldUseTheWrapperAndNeverRunOffline() throws IOException {
        Path root = RepositoryFiles.root();
        List<String> offline = new ArrayList<>();
        List<String> withoutWrapper = new ArrayList<>();
        for (Path file : documentedCommandFiles(root)) {
            boolean userFacing = !file.toString().endsWith(".java") && !file.endsWith("pom.xml");
            for (String line : Files.readAllLines(file)) {
                if (line.matches(".*\\bmvnw?\\s.*") && line.matches(".*\\s(-o|--offline)(\\s.*|$)")) {
                    offline.add(root.relativize(file) + ": " + line.trim());
                }
                if (userFacing && line.matches("(\\s*|.*[`(]\\s*)mvn\\s.*")) {
                    withoutWrapper.add(root.relativize(file) + ": " + line.trim());
                }
            }
        }

        assertThat(offline).as("documented Maven commands that run offline").isEmpty();
        assertThat(withoutWrapper).as("Maven commands in README, BENCHMARKS, docs/ and the scripts not through ./mvnw")
            .isEmpty();
    }

    /** README, BENCHMARKS, docs/, the launcher, bench/run, .ci/run, and every source file and pom (comments). */
    private static List<Path> documentedCommandFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("BENCHMARKS.md"),
            root.resolve("havewemet"), root.resolve("bench/run"), root.resolve(".ci/run")));
        try (Stream<Path> all = Files.walk(root)) {
            files.addAll(all.filter(Files::isRegularFile)
                .filter(file -> !root.relativize(file).toString().contains("target/"))
                .filter(file -> !root.relativize(file).startsWith(".git"))
                // docs/ holds images too (screenshots): only its text is documentation.
                .filter(file -> root.relativize(file).startsWith("docs") && file.toString().endsWith(".md")
                    || file.toString().endsWith(".java")
                    || file.getFileName().toString().equals("pom.xml"))
                .collect(Collectors.toList()));
        }
        return files;
    }
}
