package org.havewemet.it.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Files of this repository the distribution test needs: the root README and the built extension jar. */
final class RepositoryFiles {
    static final String ROOT_ARTIFACT_ID = "havewemet-parent";
    static final String EXTENSION_JAR_PREFIX = "havewemet-james-extension-";

    private RepositoryFiles() {
    }

    /** The repository root: walking up from the working directory, the first folder whose pom.xml is the root pom. */
    static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && ROOT_ARTIFACT_ID.equals(projectArtifactId(pom))) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with artifactId " + ROOT_ARTIFACT_ID + " above " + start);
    }

    static Path readme() {
        return root().resolve("README.md");
    }

    /** mailet/target/havewemet-james-extension-VERSION.jar, built by the reactor's package phase. */
    static Path extensionJar() {
        Path target = root().resolve("mailet").resolve("target");
        List<Path> jars;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            jars = files.filter(file -> file.getFileName().toString().startsWith(EXTENSION_JAR_PREFIX))
                .filter(file -> file.getFileName().toString().endsWith(".jar"))
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected exactly one " + EXTENSION_JAR_PREFIX + "*.jar in " + target
                + " (build it with: mvn -pl integration-tests -am verify), found " + jars);
        }
        return jars.get(0);
    }

    /** The artifactId of the project itself, not of its parent. */
    private static String projectArtifactId(Path pom) {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if ("artifactId".equals(child.getNodeName())) {
                    return child.getTextContent().trim();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }
}
