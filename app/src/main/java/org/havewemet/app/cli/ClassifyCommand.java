package org.havewemet.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.havewemet.config.ConfigException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.triage.ConfiguredTriage;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Reason;
import org.havewemet.triage.Triage;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.havewemet.triage.profile.PlatformProfiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code havewemet classify FILE|DIR ...}: runs triage over .eml files and mbox files (directories are walked) and
 * prints one JSON object per message, or a table for people. Malformed input is reported, not fatal: exit 0; a
 * missing input is a usage error: exit 2.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify .eml and mbox files: is it a connection invitation, who invites, what the note says, "
                + "and the verdict (PERSONAL, UNEXPLAINED, SUSPICIOUS, KNOWN, NOT_INVITATION) with its reasons.")
public class ClassifyCommand implements Callable<Integer> {

    /** Output formats. */
    public enum Format { json, table }

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".eml or mbox files, or directories of them")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "json", description = "json (one object per line) or table; default ${DEFAULT-VALUE}")
    Format format = Format.json;

    @Option(names = "--platforms", paramLabel = "YAML", description = "platform profiles file replacing the shipped ones")
    Path platforms;

    @Option(names = "--config", paramLabel = "YAML",
            description = "havewemet.yaml whose judge, patterns and platforms settings to use (as the mailet does); "
                    + "default: the built-in defaults")
    Path config;

    @Option(names = "--recipient", defaultValue = "recipient@localhost", description = "the local recipient the verdict is for")
    String recipient;

    @Spec
    CommandSpec spec;

    private final ObjectMapper json = new ObjectMapper();
    private final Session session = Session.getInstance(new Properties());

    @Override
    public Integer call() {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new ParameterException(spec.commandLine(), "No such file or directory: " + input);
            }
        }
        if (platforms != null && !Files.isRegularFile(platforms)) {
            throw new ParameterException(spec.commandLine(), "No such platform profiles file: " + platforms);
        }
        Triage triage = triage();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.table) {
            out.printf(Locale.ROOT, "%-15s %-12s %-11s %-28s %-40s %s%n", "VERDICT", "PLATFORM", "EVENT", "INVITER", "NOTE", "FILE");
        }
        for (Path input : inputs) {
            for (Path file : files(input)) {
                classifyFile(triage, file, out);
            }
        }
        out.flush();
        return 0;
    }

    /** The same triage as the mailet's for the same configuration; {@code --platforms} replaces the profiles. */
    private Triage triage() {
        HaveWeMetConfig settings;
        try {
            settings = config == null ? HaveWeMetConfig.defaults() : ConfigLoader.load(config);
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "Invalid configuration " + config + ": " + e.getMessage());
        }
        PlatformProfiles profiles = platforms != null ? PlatformProfiles.load(platforms)
                : ConfiguredTriage.profiles(settings, config == null ? null : config.toAbsolutePath().getParent());
        return ConfiguredTriage.of(settings, profiles, KnownInviters.NOBODY);
    }

    private static List<Path> files(Path input) {
        if (!Files.isDirectory(input)) {
            return List.of(input);
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void classifyFile(Triage triage, Path file, PrintWriter out) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            print(out, file, null, TriageResult.notInvitation(new Reason("UNREADABLE_FILE", 0.0, e.toString())));
            return;
        }
        List<byte[]> messages = Mbox.isMbox(bytes) ? Mbox.split(bytes) : List.of(bytes);
        for (int i = 0; i < messages.size(); i++) {
            Integer index = messages.size() > 1 || Mbox.isMbox(bytes) ? i + 1 : null;
            print(out, file, index, classify(triage, messages.get(i)));
        }
    }

    private TriageResult classify(Triage triage, byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            return triage.triage(message, returnPath(message), recipient);
        } catch (MessagingException | RuntimeException e) {
            return TriageResult.notInvitation(new Reason("MALFORMED_MIME", 0.0, "cannot parse the message: " + e.getMessage()));
        }
    }

    private static String returnPath(MimeMessage message) {
        try {
            String rp = message.getHeader("Return-Path", null);
            return rp == null ? null : rp.replaceAll("[<>\\s]", "");
        } catch (MessagingException e) {
            return null;
        }
    }

    private void print(PrintWriter out, Path file, Integer index, TriageResult result) {
        if (format == Format.table) {
            out.println(TableRow.of(file, index, result));
            return;
        }
        try {
            out.println(json.writeValueAsString(toJson(file, index, result)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> toJson(Path file, Integer index, TriageResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        if (index != null) {
            m.put("message", index);
        }
        m.put("invitation", result.isInvitation());
        var inv = result.invitation();
        m.put("platform", inv.map(i -> i.platform()).orElse(null));
        m.put("event", inv.map(i -> i.event().name()).orElse(null));
        Inviter who = inv.map(i -> i.inviter()).orElse(null);
        if (who == null) {
            m.put("inviter", null);
        } else {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("name", who.name());
            w.put("headline", who.headline());
            w.put("company", who.company());
            w.put("location", who.location());
            w.put("email", who.email());
            w.put("profileUrl", who.profileUrl());
            m.put("inviter", w);
        }
        m.put("note", inv.map(i -> i.note()).orElse(null));
        m.put("noteLanguage", inv.map(i -> i.noteLanguage()).orElse(null));
        m.put("verdict", result.verdict().name());
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (Reason r : result.reasons()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("code", r.code());
            rm.put("weight", r.weight());
            rm.put("detail", r.detail());
            reasons.add(rm);
        }
        m.put("reasons", reasons);
        return m;
    }

    /** One human-readable line. */
    static final class TableRow {
        private TableRow() {
        }

        static String of(Path file, Integer index, TriageResult result) {
            Verdict v = result.verdict();
            var inv = result.invitation();
            String note = inv.map(i -> i.note()).map(n -> n.replaceAll("\\s+", " ")).orElse("");
            return String.format(Locale.ROOT, "%-15s %-12s %-11s %-28s %-40s %s", v,
                    inv.map(i -> i.platform()).orElse("-"),
                    inv.map(i -> i.event().name()).orElse("-"),
                    cut(inv.map(i -> i.inviter().name()).orElse("-"), 28),
                    cut(note.isEmpty() ? "-" : note, 40),
                    file + (index == null ? "" : "#" + index));
        }

        private static String cut(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max - 1) + "…";
        }
    }

    /** Splits mbox files on their "From " separator lines. */
    static final class Mbox {
        private Mbox() {
        }

        static boolean isMbox(byte[] bytes) {
            return bytes.length >= 5 && bytes[0] == 'F' && bytes[1] == 'r' && bytes[2] == 'o' && bytes[3] == 'm' && bytes[4] == ' ';
        }

        /** The messages without their separator line; "&gt;From " quoting (mboxrd) is undone. */
        static List<byte[]> split(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            List<byte[]> messages = new ArrayList<>();
            int start = 0;
            while (start < text.length()) {
                int next = text.indexOf("\nFrom ", start);
                int end = next < 0 ? text.length() : next + 1;
                String chunk = text.substring(start, end);
                int firstLineEnd = chunk.indexOf('\n');
                String body = firstLineEnd < 0 ? "" : chunk.substring(firstLineEnd + 1);
                body = body.replaceAll("(?m)^>(>*From )", "$1");
                if (!body.isBlank()) {
                    messages.add(body.getBytes(StandardCharsets.ISO_8859_1));
                }
                start = end;
            }
            return messages;
        }
    }
}
