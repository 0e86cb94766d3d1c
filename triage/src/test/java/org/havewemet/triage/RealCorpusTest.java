package org.havewemet.triage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs triage over the shared corpus of real invitation mails (../shared/corpus/real beside the repository; never
 * copied into it) and requires the labelled verdict for every row and a high inviter-name accuracy.
 */
class RealCorpusTest {
    private static Path corpus;
    private static final InvitationTriage TRIAGE = InvitationTriage.withDefaults(KnownInviters.NOBODY);

    record Row(String file, Set<Verdict> accepted, String name) {
    }

    @BeforeAll
    static void locateCorpus() throws IOException {
        Path root = repositoryRoot();
        corpus = root == null ? null : root.resolveSibling("shared").resolve("corpus").resolve("real");
        assumeTrue(corpus != null && Files.isRegularFile(corpus.resolve("labels.tsv")),
                "real corpus not found: expected " + (corpus == null ? "../shared/corpus/real beside the repository root" : corpus)
                        + "/labels.tsv");
    }

    static Path repositoryRoot() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<artifactId>havewemet-parent</artifactId>")
                    && Files.readString(pom).contains("<modules>")) {
                return dir;
            }
            dir = dir.getParent();
        }
        return null;
    }

    static List<Row> rows(Path labels) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(labels);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String expected = f[5].strip();
            Set<Verdict> accepted = EnumSet.noneOf(Verdict.class);
            if (expected.equals("EITHER")) {
                // "EITHER (A or B): ..." names the two accepted verdicts at the start of the rationale.
                String rationale = f[7];
                String inside = rationale.substring(rationale.indexOf('(') + 1, rationale.indexOf(')'));
                for (String v : inside.split(" or ")) {
                    accepted.add(Verdict.valueOf(v.strip()));
                }
            } else {
                accepted.add(Verdict.valueOf(expected));
            }
            rows.add(new Row(f[0], accepted, f[6].strip()));
        }
        return rows;
    }

    @Test
    void everyLabelledMailShouldGetItsVerdictAndTheInviterNameShouldMostlyMatch() throws IOException {
        List<Row> rows = rows(corpus.resolve("labels.tsv"));
        List<String> verdictFailures = new ArrayList<>();
        Map<String, int[]> perLabel = new LinkedHashMap<>();
        int names = 0;
        int namesRight = 0;
        List<String> nameMisses = new ArrayList<>();
        for (Row row : rows) {
            TriageResult result = TRIAGE.triage(Mails.read(corpus.resolve("eml").resolve(row.file())), null, "someone@example.com");
            String label = row.accepted().size() == 1 ? row.accepted().iterator().next().name() : "EITHER";
            int[] counts = perLabel.computeIfAbsent(label, k -> new int[2]);
            counts[1]++;
            if (row.accepted().contains(result.verdict())) {
                counts[0]++;
            } else {
                verdictFailures.add(row.file() + ": expected " + row.accepted() + " got " + result.verdict() + " " + result.reasons());
            }
            if (!row.name().isEmpty() && result.verdict() != Verdict.NOT_INVITATION) {
                names++;
                String got = result.invitation().map(i -> i.inviter().name()).orElse(null);
                if (got != null && norm(got).equals(norm(row.name()))) {
                    namesRight++;
                } else {
                    nameMisses.add(row.file() + ": expected '" + row.name() + "' got '" + got + "'");
                }
            }
        }
        long start = System.nanoTime();
        for (Row row : rows) {
            TRIAGE.triage(Mails.read(corpus.resolve("eml").resolve(row.file())), null, "someone@example.com");
        }
        System.out.printf("[RealCorpusTest] second pass: %.2f ms per mail (parse + triage)%n",
                (System.nanoTime() - start) / 1e6 / rows.size());
        System.out.println("[RealCorpusTest] verdict accuracy per label: " + summary(perLabel));
        System.out.printf("[RealCorpusTest] inviter name accuracy: %d/%d%n", namesRight, names);
        nameMisses.forEach(m -> System.out.println("[RealCorpusTest] name miss " + m));
        assertThat(verdictFailures).as("verdict failures").isEmpty();
        assertThat(namesRight).as("names right: " + nameMisses).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * names));
    }

    @Test
    void htmlOnlyVariantOfEveryMultipartMailShouldGetTheSameVerdictAndInviter() throws Exception {
        int variants = 0;
        List<String> failures = new ArrayList<>();
        for (Row row : rows(corpus.resolve("labels.tsv"))) {
            javax.mail.internet.MimeMessage message = Mails.read(corpus.resolve("eml").resolve(row.file()));
            if (!(message.getContent() instanceof javax.mail.internet.MimeMultipart mp) || !dropPlainPart(mp)) {
                continue;
            }
            message.saveChanges();
            variants++;
            TriageResult result = TRIAGE.triage(message, null, "someone@example.com");
            String name = result.invitation().map(i -> i.inviter().name()).orElse("");
            if (!row.accepted().contains(result.verdict())
                    || (result.verdict() != Verdict.NOT_INVITATION && !row.name().isEmpty() && !norm(name).equals(norm(row.name())))) {
                failures.add(row.file() + ": " + result.verdict() + " " + name + " " + result.reasons());
            }
        }
        System.out.println("[RealCorpusTest] HTML-only variants checked: " + variants);
        assertThat(failures).isEmpty();
    }

    /** Removes the text/plain alternative when an HTML one exists, so that the HTML path is exercised. */
    private static boolean dropPlainPart(javax.mail.internet.MimeMultipart mp) throws javax.mail.MessagingException {
        int plain = -1;
        boolean html = false;
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType("text/plain")) {
                plain = i;
            } else if (mp.getBodyPart(i).isMimeType("text/html")) {
                html = true;
            }
        }
        if (plain < 0 || !html) {
            return false;
        }
        mp.removeBodyPart(plain);
        return true;
    }

    private static String summary(Map<String, int[]> perLabel) {
        StringBuilder sb = new StringBuilder();
        perLabel.forEach((k, v) -> sb.append(k).append(' ').append(v[0]).append('/').append(v[1]).append("  "));
        return sb.toString().strip();
    }

    private static String norm(String name) {
        return name.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
