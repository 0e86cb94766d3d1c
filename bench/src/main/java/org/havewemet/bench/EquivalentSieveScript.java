package org.havewemet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Writes the Sieve script an admin would need to approximate havewemet's triage with James' own Sieve mailet,
 * generated from the same shipped platform profiles ({@code org/havewemet/triage/platforms.yaml}) so both sides
 * know the same platforms, header markers, sender domains and default sentences (every platform, every language):
 * <ol>
 *   <li>a mail is a notice when it carries a platform header marker, comes from a platform domain, or its subject
 *       names a platform or a connection request;</li>
 *   <li>a notice naming a platform but sent from elsewhere goes to Spam (unless it is a direct request);</li>
 *   <li>a body holding a default or contentless sentence goes to Unexplained, anything else to Priority.</li>
 * </ol>
 * Sieve has no regular expressions in James' jSieve build beyond {@code :matches} wildcards, no MIME decoding that
 * works here ({@code body :text} matched nothing on a plain 8-bit fixture with James 3.8.1's SieveMailAdapter, so
 * the script searches {@code :raw}) and no fuzzy matching, so it is a best effort: cheaper rules, not the same result.
 */
public final class EquivalentSieveScript {
    static final String PRIORITY = "Invitations/Priority";
    static final String UNEXPLAINED = "Invitations/Unexplained";
    static final String SPAM = "Spam";
    private static final List<String> DIRECT_SUBJECTS = List.of("invitation to connect", "let's connect", "lets connect",
            "connection request", "request to connect", "connect on linkedin", "add me on linkedin");
    private static final List<String> NOTICE_SUBJECTS = List.of("invitation", "wants to connect", "would like to connect",
            "kontaktanfrage", "friend request", "add you", "invitación", "einladung", "convite", "invito", "uitnodiging");

    private EquivalentSieveScript() {
    }

    /** The script, generated from the shipped profiles on the class path. */
    public static String generate() {
        JsonNode root;
        try (InputStream in = EquivalentSieveScript.class.getResourceAsStream("/org/havewemet/triage/platforms.yaml")) {
            if (in == null) {
                throw new IllegalStateException("platforms.yaml is not on the class path (havewemet-triage missing?)");
            }
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> markers = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        Set<String> brands = new LinkedHashSet<>();
        Set<String> sentences = new LinkedHashSet<>();
        for (JsonNode p : root.path("platforms")) {
            p.path("headerMarkers").forEach(n -> markers.add(n.asText()));
            p.path("senderDomains").forEach(n -> domains.add(n.asText()));
            p.path("brandNames").forEach(n -> brands.add(n.asText()));
            addSentences(p.path("defaultNotes"), sentences);
        }
        addSentences(root.path("direct").path("defaultNotes"), sentences);
        addSentences(root.path("generic").path("contentless"), sentences);
        sentences.removeIf(s -> s.length() < 12); // "Hi", "Thanks": as a substring they would match every body

        List<String> subjects = new ArrayList<>(brands);
        subjects.addAll(DIRECT_SUBJECTS);
        subjects.addAll(NOTICE_SUBJECTS);
        StringBuilder s = new StringBuilder();
        s.append("require [\"body\", \"fileinto\"];\n");
        s.append("if anyof (");
        for (String marker : markers) {
            s.append("exists ").append(list(List.of(marker))).append(", "); // exists [a, b] needs all of them
        }
        s.append("\n");
        s.append("          address :domain :is \"from\" ").append(list(domains)).append(",\n");
        s.append("          header :contains \"subject\" ").append(list(subjects)).append(") {\n");
        s.append("  if not address :domain :is \"from\" ").append(list(domains)).append(" {\n");
        s.append("    if not header :contains \"subject\" ").append(list(DIRECT_SUBJECTS)).append(" {\n");
        s.append("      fileinto \"").append(SPAM).append("\";\n      stop;\n    }\n  }\n");
        // One body test per sentence: with a string list, James 3.8.1's body test matched only when the first
        // string was present (found while writing this benchmark), so a list would silently miss defaults.
        s.append("  if anyof (");
        String sep = "";
        for (String sentence : sentences) {
            s.append(sep).append("body :raw :contains ").append(list(List.of(sentence)));
            sep = ",\n            ";
        }
        s.append(") {\n");
        s.append("    fileinto \"").append(UNEXPLAINED).append("\";\n    stop;\n  }\n");
        s.append("  fileinto \"").append(PRIORITY).append("\";\n  stop;\n}\n");
        return s.toString();
    }

    private static void addSentences(JsonNode byLanguage, Set<String> into) {
        for (Map.Entry<String, JsonNode> lang : (Iterable<Map.Entry<String, JsonNode>>) byLanguage::fields) {
            lang.getValue().forEach(n -> into.add(n.asText()));
        }
    }

    private static String list(Collection<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (String v : values) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }
}
