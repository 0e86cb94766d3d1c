package org.havewemet.triage.accuracy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where the labelled mails are: the shared real corpus beside the repository, and the module's own fixtures. */
public final class Corpora {
    private Corpora() {
    }

    /** The repository root (the directory whose pom.xml is havewemet-parent with modules), walking up from here. */
    public static Optional<Path> repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom)) {
                String text = Files.readString(pom);
                if (text.contains("<artifactId>havewemet-parent</artifactId>") && text.contains("<modules>")) {
                    return Optional.of(dir);
                }
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** {@code ../shared/corpus} beside the repository root, if present. */
    public static Optional<Path> sharedCorpus() throws IOException {
        return repositoryRoot().map(root -> root.resolveSibling("shared").resolve("corpus")).filter(Files::isDirectory);
    }

    /** Every folder of the shared corpus that has a labels.tsv (real/, real-2/, and whatever is added later). */
    public static List<Path> labelledFolders(Path corpus) throws IOException {
        try (Stream<Path> children = Files.list(corpus)) {
            return children.filter(dir -> Files.isRegularFile(dir.resolve("labels.tsv"))).sorted().toList();
        }
    }

    /** The rows of one shared-corpus folder (mails under eml/). */
    public static List<LabelledMail> sharedFolder(Path folder) throws IOException {
        return LabelledMail.read(folder.resolve("labels.tsv"), folder.resolve("eml"));
    }

    /** The module's hand-written fixtures (src/test/resources/fixtures, listed in fixtures.tsv). */
    public static List<LabelledMail> moduleFixtures() throws IOException {
        Path dir = Path.of("src/test/resources/fixtures").toAbsolutePath();
        return LabelledMail.read(dir.resolve("fixtures.tsv"), dir);
    }

    /** The module's generalization fixtures of one split folder ("tuning" or "heldout"), mails beside labels.tsv. */
    public static Optional<Path> generalization(String split) {
        Path dir = Path.of("src/test/resources/generalization").resolve(split).toAbsolutePath();
        return Files.isRegularFile(dir.resolve("labels.tsv")) ? Optional.of(dir) : Optional.empty();
    }
}
