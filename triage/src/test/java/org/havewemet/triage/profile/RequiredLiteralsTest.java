package org.havewemet.triage.profile;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RequiredLiteralsTest {

    @Test
    void ofShouldFindLiteralsWhenPatternHasPrefixGroupsAndOptionalParts() {
        assertThat(RequiredLiterals.of("\\bmy name is\\b")).containsExactly("my name is");
        assertThat(RequiredLiterals.of("\\b(classmates?|colleagues?)\\b")).containsExactlyInAnyOrder("classmate", "colleague");
        assertThat(RequiredLiterals.of("colou?r")).containsExactly("colo");
        assertThat(RequiredLiterals.of("(?i)LinkedIn\\.com")).containsExactly("linkedin.com");
        assertThat(RequiredLiterals.of("^\\s*\\p{L}+ here\\b")).containsExactly(" here");
        assertThat(RequiredLiterals.of("(?P<name>[\\p{L} ]+) wants to connect")).containsExactly(" wants to connect");
    }

    @Test
    void ofShouldGiveNothingWhenABranchOrGroupCanBeSkipped() {
        assertThat(RequiredLiterals.of("abc|\\d+")).isNull();
        assertThat(RequiredLiterals.of("(abc)?")).isNull();
        assertThat(RequiredLiterals.of("(abc)*x")).containsExactly("x");
        assertThat(RequiredLiterals.of("a{0,3}")).isNull();
        assertThat(RequiredLiterals.of("\\Qabc\\E")).isNull();
        assertThat(RequiredLiterals.of("\\bçünkü\\b")).containsExactly("çünkü");
        assertThat(RequiredLiterals.of("straße")).containsExactly("stra");
        assertThat(RequiredLiterals.of("(usd|€)")).containsExactlyInAnyOrder("usd", "€");
        assertThat(RequiredLiterals.of("[abc]+")).isNull();
    }

    @Test
    void allShouldRequireEveryPartWhenThePatternIsOneSequence() {
        String[][] sets = RequiredLiterals.all("\\b(verify|confirm) (your|the) (account|password)\\b");
        assertThat(sets).isNotNull();
        List<Set<String>> parts = Stream.of(sets).map(set -> Set.of(set)).toList();
        assertThat(parts).contains(Set.of("verify", "confirm"), Set.of("your", "the"), Set.of("account", "password"));
        assertThat(parts.get(0)).as("the most selective first, as of() names it").isEqualTo(Set.of(RequiredLiterals.of(
            "\\b(verify|confirm) (your|the) (account|password)\\b")));
    }

    @Test
    void allShouldGiveOnlyTheUnionWhenThePatternHasTopLevelAlternatives() {
        assertThat(RequiredLiterals.all("ab(cd)x|ef")).hasDimensions(1, 2);
        assertThat(RequiredLiterals.all("abc|\\d+")).isNull();
        assertThat(RequiredLiterals.all("\\d+")).isNull();
    }

    /**
     * Every accented Latin and Cyrillic letter a prefilter literal may hold, and a sample of the caseless ones, against
     * every BMP character RE2 matches it to case-insensitively. The accented letters are matched against the blocks
     * that hold their case partners (Latin, Greek, Cyrillic, letterlike symbols and their extensions), which keeps
     * the test fast; the caseless sample against the whole BMP.
     */
    @Test
    void foldShouldAgreeWithRe2CaseFoldingForEveryLiteralOutsideAscii() {
        String partners = characters(0, 0x052F) + characters(0x1C80, 0x1CBF) + characters(0x1D00, 0x1FFF)
            + characters(0x2100, 0x218F) + characters(0x2C00, 0x2DFF) + characters(0xA640, 0xA7FF) + characters(0xFF00, 0xFFEF);
        String everything = characters(0, 0xFFFF);
        int checked = 0;
        for (char c = 0x80; c < 0xFFFF; c++) {
            boolean range = c <= 0x17F || (c >= 0x0400 && c <= 0x04FF);
            if (!LiteralFolding.isFoldable(c) || (!range && c % 997 != 0)) {
                continue;
            }
            String text = range ? partners : everything;
            String literal = LiteralFolding.fold(String.valueOf(c));
            Matcher m = Pattern.compile(Pattern.quote(String.valueOf(c)), Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                assertThat(LiteralFolding.fold(m.group())).as("U+%04X matches U+%04X", (int) c, (int) m.group().charAt(0))
                    .isEqualTo(literal);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(400);
    }

    private static String characters(int from, int to) {
        StringBuilder all = new StringBuilder();
        for (int c = from; c <= to; c++) {
            if (!Character.isSurrogate((char) c)) {
                all.append((char) c);
            }
        }
        return all.toString();
    }

    @Test
    void foldShouldMapEveryCharacterThatRe2MatchesToAnAsciiLetterOntoThatLetter() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            if (!Character.isSurrogate((char) c)) {
                all.append((char) c);
            }
        }
        String text = all.toString();
        for (char letter = 'a'; letter <= 'z'; letter++) {
            Matcher m = Pattern.compile(String.valueOf(letter), Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                String folded = LiteralFolding.fold(m.group());
                assertThat(folded).as("U+%04X", (int) m.group().charAt(0)).isEqualTo(String.valueOf(letter));
            }
        }
    }

    @Test
    void prefilterShouldNeverRejectATextThatThePatternMatchesWhenRunOverFixturesAndCorpus() throws Exception {
        List<Pattern> patterns = new ArrayList<>();
        PlatformProfiles profiles = PlatformProfiles.loadDefault();
        collect(profiles.generic(), patterns);
        for (CompiledProfile p : profiles.platforms()) {
            collect(p, patterns);
        }
        assertThat(patterns).hasSizeGreaterThan(100);
        List<String> texts = texts();
        assertThat(texts).isNotEmpty();
        List<String> foldedTexts = texts.stream().map(LiteralFolding::fold).toList();
        int filtered = 0;
        int checked = 0;
        for (Pattern p : patterns) {
            String[][] literals = RequiredLiterals.all(p.pattern());
            if (literals == null) {
                continue;
            }
            filtered++;
            for (int t = 0; t < texts.size(); t++) {
                String text = texts.get(t);
                String folded = foldedTexts.get(t);
                boolean mayMatch = Stream.of(literals).allMatch(set -> Stream.of(set).anyMatch(folded::contains));
                if (!mayMatch) {
                    checked++;
                    assertThat(p.matcher(text).find()).as("%s on %s", p.pattern(), text).isFalse();
                }
            }
        }
        assertThat(filtered).isGreaterThan(patterns.size() / 2);
        assertThat(checked).isPositive();
    }

    private static void collect(Object compiled, List<Pattern> into) throws IllegalAccessException {
        for (Field f : compiled.getClass().getFields()) {
            if (List.class.isAssignableFrom(f.getType())) {
                for (Object o : (List<?>) f.get(compiled)) {
                    if (o instanceof Pattern p) {
                        into.add(p);
                    }
                }
            }
        }
    }

    private static final int HEAD_CHARS = 4096;

    /** Fixture mails and real corpus mails, their heads and their lines, each distinct text once. */
    private static List<String> texts() throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        Path fixtures = Path.of("src/test/resources/fixtures");
        Path corpus = Path.of("/work/shared/corpus/real/eml");
        Path tuning = Path.of("src/test/resources/generalization/tuning");
        for (Path dir : List.of(fixtures, corpus, tuning)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            }
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            // The head of each mail: the stronger prefilter rejects more texts, and each rejection is checked with
            // RE2 over the whole text; whole mails made this test take minutes on a loaded machine.
            texts.add(text.substring(0, Math.min(text.length(), HEAD_CHARS)));
            for (String line : text.split("\\R")) {
                if (line.length() > 3 && line.length() < 300) {
                    texts.add(line.strip());
                }
            }
        }
        return new ArrayList<>(texts);
    }
}
