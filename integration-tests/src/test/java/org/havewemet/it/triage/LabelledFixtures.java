package org.havewemet.it.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.havewemet.triage.accuracy.Corpora;
import org.havewemet.triage.accuracy.LabelledMail;

/**
 * The labelled mails the triage module measures itself on, read where they live (never copied): the generalization
 * fixtures from the triage test-jar ({@code generalization/{tuning,heldout}/labels.tsv} on the test class path, a jar
 * or a directory) and every labelled folder of {@code ../shared/corpus} beside the repository, with the triage
 * module's own label reader, so both tests agree on what a label means.
 */
final class LabelledFixtures {
    /** The splits of the generalization fixtures, in report order. */
    static final List<String> GENERALIZATION = List.of("tuning", "heldout");

    /**
     * One labelled mail.
     *
     * @param split "tuning", "heldout" or "shared/&lt;folder&gt;"
     * @param user  the local user it is delivered to (one per mail, so that no check sees another mail's effects)
     */
    record Fixture(String split, LabelledMail row, byte[] bytes, String user) {
        boolean heldOut() {
            return split.equals("heldout");
        }

        boolean shared() {
            return split.startsWith("shared/");
        }

        String file() {
            return row.file();
        }
    }

    private LabelledFixtures() {
    }

    /** The rows of one generalization split, empty when the test class path has none. */
    static List<LabelledMail> generalization(String split) {
        URL labels = LabelledFixtures.class.getResource("/generalization/" + split + "/labels.tsv");
        if (labels == null) {
            return List.of();
        }
        try {
            Path file = pathOf(labels.toURI());
            return LabelledMail.read(file, file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(labels + " is not a valid URI", e);
        }
    }

    /** {@code ../shared/corpus} beside the repository root, if present. */
    static Optional<Path> sharedCorpus() {
        try {
            return Corpora.sharedCorpus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the shared corpus is expected, for the message that says it is absent. */
    static String expectedSharedCorpus() {
        try {
            return Corpora.repositoryRoot().map(root -> root.resolveSibling("shared").resolve("corpus").toString())
                .orElse("../shared/corpus beside the repository root (no repository root found above "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every labelled folder of the shared corpus as ("shared/real", rows), in name order. */
    static List<Map.Entry<String, List<LabelledMail>>> shared(Path corpus) {
        try {
            List<Map.Entry<String, List<LabelledMail>>> folders = new ArrayList<>();
            for (Path folder : Corpora.labelledFolders(corpus)) {
                folders.add(Map.entry("shared/" + folder.getFileName(), Corpora.sharedFolder(folder)));
            }
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(LabelledMail row) {
        try {
            return Files.readAllBytes(row.eml());
        } catch (IOException e) {
            throw new UncheckedIOException("labelled mail " + row.file() + " cannot be read", e);
        }
    }

    /** A class-path resource as a path: inside the test-jar (a zip file system, opened once) or a directory. */
    private static Path pathOf(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // opened for the other split: the same jar
        }
        return Path.of(uri);
    }
}
