package org.havewemet.it.dist;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.xml.sax.InputSource;

/**
 * The README's "Install into your James" section (between {@code <!-- install:begin -->} and
 * {@code <!-- install:end -->}), applied to a James working directory exactly as an admin follows it: the
 * {@code cp} into {@code extensions-jars/}, each {@code xml} snippet right before its last line (an existing line
 * of James' stock {@code conf/mailetcontainer.xml}, e.g. {@code LocalDelivery}), the {@code properties} lines
 * appended to the file each block names on its first line ({@code conf/extensions.properties},
 * {@code conf/webadmin.properties}).
 * The {@code curl} line and the {@code json} block say what the test calls and expects.
 */
final class ReadmeInstallSection {
    static final String BEGIN = "<!-- install:begin -->";
    static final String END = "<!-- install:end -->";
    static final String JAMES_DIR = "JAMES/";
    private static final Pattern FENCE = Pattern.compile("^( *)```(\\w*)\\s*$");
    private static final Pattern CURL = Pattern.compile("curl\\s+(?:-\\S+\\s+)*https?://[^/\\s]+(/\\S*)");

    /** One fenced code block: its language tag and its lines, indentation of the fence removed. */
    record CodeBlock(String language, List<String> lines) {
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    private final List<CodeBlock> blocks;

    private ReadmeInstallSection(List<CodeBlock> blocks) {
        this.blocks = blocks;
    }

    static ReadmeInstallSection read(Path readme) throws IOException {
        return parse(Files.readString(readme, StandardCharsets.UTF_8));
    }

    static ReadmeInstallSection parse(String markdown) {
        int begin = markdown.indexOf(BEGIN);
        int end = markdown.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README has no " + BEGIN + " ... " + END + " section");
        }
        List<CodeBlock> blocks = new ArrayList<>();
        String language = null;
        int indent = 0;
        List<String> lines = new ArrayList<>();
        for (String line : markdown.substring(begin + BEGIN.length(), end).split("\n", -1)) {
            Matcher fence = FENCE.matcher(line);
            if (language == null && fence.matches()) {
                language = fence.group(2);
                indent = fence.group(1).length();
                lines = new ArrayList<>();
            } else if (language != null && line.trim().equals("```")) {
                blocks.add(new CodeBlock(language, List.copyOf(lines)));
                language = null;
            } else if (language != null) {
                lines.add(stripIndent(line, indent));
            }
        }
        if (language != null) {
            throw new IllegalArgumentException("unclosed ```" + language + " block in the README install section");
        }
        return new ReadmeInstallSection(blocks);
    }

    List<CodeBlock> blocks(String language) {
        return blocks.stream().filter(block -> block.language().equals(language)).collect(Collectors.toList());
    }

    CodeBlock single(String language) {
        List<CodeBlock> found = blocks(language);
        if (found.size() != 1) {
            throw new IllegalStateException("README install section: expected one ```" + language + " block, found "
                + found.size());
        }
        return found.get(0);
    }

    /** Follows every step of the section in the James working directory {@code home}. */
    void applyTo(Path home, Path extensionJar) throws Exception {
        copyExtensionJar(home, extensionJar);
        addMailets(home.resolve("conf").resolve("mailetcontainer.xml"));
        addProperties(home);
    }

    /** The {@code cp ... JAMES/extensions-jars/} line of the shell block: where the jar goes. */
    Path copyExtensionJar(Path home, Path extensionJar) throws IOException {
        List<String> copies = blocks("sh").stream().flatMap(block -> block.lines().stream())
            .map(String::trim)
            .filter(line -> line.startsWith("cp ") && line.contains("havewemet-james-extension-"))
            .collect(Collectors.toList());
        if (copies.size() != 1) {
            throw new IllegalStateException("README install section: expected one `cp havewemet-james-extension-...`"
                + " line, found " + copies);
        }
        String[] words = copies.get(0).split("\\s+");
        String destination = words[words.length - 1];
        if (!destination.startsWith(JAMES_DIR) || !destination.endsWith("/")) {
            throw new IllegalStateException("README copies the jar to " + destination + ", not into a JAMES/ folder");
        }
        Path folder = Files.createDirectories(home.resolve(destination.substring(JAMES_DIR.length())));
        return Files.copy(extensionJar, folder.resolve(extensionJar.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Applies every xml block: its last line is an existing line of James' stock file (the anchor, which must occur
     * exactly once), its other lines go right before that line, indented like it.
     */
    void addMailets(Path mailetContainer) throws Exception {
        List<CodeBlock> snippets = blocks("xml");
        if (snippets.isEmpty()) {
            throw new IllegalStateException("README install section has no ```xml block");
        }
        List<String> conf = Files.readAllLines(mailetContainer, StandardCharsets.UTF_8);
        for (CodeBlock block : snippets) {
            List<String> snippet = new ArrayList<>(block.lines());
            while (!snippet.isEmpty() && snippet.get(snippet.size() - 1).isBlank()) {
                snippet.remove(snippet.size() - 1);
            }
            if (snippet.size() < 2) {
                throw new IllegalStateException("README xml block needs lines to add and an anchor line: " + block);
            }
            String anchorLine = snippet.remove(snippet.size() - 1).trim();
            int anchor = indexOfOnlyLine(conf, anchorLine, mailetContainer);
            String indent = conf.get(anchor).substring(0, conf.get(anchor).indexOf('<'));
            conf.addAll(anchor, snippet.stream().map(line -> line.isBlank() ? "" : indent + line)
                .collect(Collectors.toList()));
        }
        String text = String.join("\n", conf) + "\n";
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        Files.writeString(mailetContainer, text, StandardCharsets.UTF_8);
    }

    private static int indexOfOnlyLine(List<String> lines, String wanted, Path file) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(wanted)) {
                found.add(i);
            }
        }
        if (found.size() != 1) {
            throw new IllegalStateException(file + ": the README anchors a snippet on `" + wanted + "`, expected once"
                + " in James' file, found " + found.size() + " times");
        }
        return found.get(0);
    }

    /**
     * Applies every properties block to the file its first line names ({@code # JAMES/conf/webadmin.properties}):
     * appended, the file created when James' stock conf has none; the stock file must not define those keys already.
     */
    void addProperties(Path home) throws IOException {
        List<CodeBlock> snippets = blocks("properties");
        if (snippets.isEmpty()) {
            throw new IllegalStateException("README install section has no ```properties block");
        }
        for (CodeBlock block : snippets) {
            addProperties(home.resolve(target(block)), block.text());
        }
    }

    /** The file a properties block is for, relative to JAMES/, from its first line {@code # JAMES/conf/x.properties}. */
    static String target(CodeBlock block) {
        String first = block.lines().isEmpty() ? "" : block.lines().get(0).trim();
        if (!first.startsWith("# " + JAMES_DIR) || !first.endsWith(".properties")) {
            throw new IllegalStateException("README properties block must start with `# JAMES/conf/FILE.properties`,"
                + " found `" + first + "`");
        }
        return first.substring(("# " + JAMES_DIR).length());
    }

    private static void addProperties(Path file, String snippet) throws IOException {
        Properties added = load(snippet);
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Properties stock = load(current);
        for (String key : added.stringPropertyNames()) {
            if (stock.containsKey(key)) {
                throw new IllegalStateException(file + " already defines " + key);
            }
        }
        String separator = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
        Files.writeString(file, current + separator + snippet, StandardCharsets.UTF_8);
    }

    /** The WebAdmin path of the README's {@code curl} check, e.g. {@code /havewemet/config}. */
    String verificationPath() {
        List<String> paths = blocks("sh").stream().flatMap(block -> block.lines().stream())
            .map(CURL::matcher)
            .filter(Matcher::find)
            .map(matcher -> matcher.group(1))
            .collect(Collectors.toList());
        if (paths.size() != 1) {
            throw new IllegalStateException("README install section: expected one curl check, found " + paths);
        }
        return paths.get(0);
    }

    /** The answer the README promises for the curl check. */
    String expectedVerificationJson() {
        return single("json").text();
    }

    private static Properties load(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private static String stripIndent(String line, int indent) {
        int strip = 0;
        while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
            strip++;
        }
        return line.substring(strip);
    }
}
