package org.havewemet.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.havewemet.index.InvitationIndex;
import org.havewemet.index.InvitationRecord;
import org.havewemet.index.QuerySyntaxException;
import org.havewemet.index.ReadOnlyInvitationIndex;
import org.havewemet.index.SearchHit;
import org.havewemet.index.SearchResult;
import org.havewemet.index.SortOrder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code havewemet search}: searches one user's invitations in the index of a data directory. It only reads the last
 * commit and takes no lock, so it works while the server is running.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the invitations one user received.",
                "Query: words, \"phrases\", from: name: company: headline: note: location: platform: verdict: "
                        + "status: event: after:YYYY-MM-DD before:YYYY-MM-DD, AND OR NOT -word, parentheses."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:results printed (possibly none)", "1:the index could not be read",
                "2:bad query syntax, bad option or no index in the data directory"})
public final class SearchCommand implements Callable<Integer> {
    /** Where the index lives under the James working directory. */
    public static final String INDEX_PATH = "var/havewemet/index";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The server's data directory.")
    Path data;

    @Option(names = "--user", required = true, paramLabel = "ADDRESS", description = "Whose invitations to search.")
    String user;

    @Option(names = "--json", description = "One JSON object per hit, one per line.")
    boolean json;

    @Option(names = "--sort", defaultValue = "date", paramLabel = "date|relevance",
            description = "Newest first (default) or best match first.")
    String sort;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Hits to show (default 20).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "Hits to skip (default 0).")
    int offset;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query; nothing lists everything.")
    List<String> query = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SortOrder order;
        try {
            order = SortOrder.valueOf(sort.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("havewemet search: --sort must be date or relevance, not '" + sort + "'");
            return 2;
        }
        if (limit < 0 || offset < 0) {
            err.println("havewemet search: --limit and --offset must not be negative");
            return 2;
        }
        String text = String.join(" ", query);
        Path indexDir = data.resolve(INDEX_PATH);
        try (ReadOnlyInvitationIndex index = InvitationIndex.openReadOnly(indexDir)) {
            SearchResult result = index.search(user, text, order, limit, offset);
            if (json) {
                printJson(out, result);
            } else {
                printTable(out, text, result);
            }
            out.flush();
            return 0;
        } catch (QuerySyntaxException e) {
            err.println("havewemet search: bad query: " + e.getMessage());
            if (e.column() > 0) {
                err.println("  " + text);
                err.println("  " + " ".repeat(e.column() - 1) + "^");
            }
            return 2;
        } catch (NoSuchFileException e) {
            err.println("havewemet search: no invitation index at " + indexDir
                    + " (is --data the directory the server runs with, and has it received mail yet?)");
            return 2;
        } catch (IOException e) {
            err.println("havewemet search: cannot read the invitation index at " + indexDir + ": " + e);
            return 1;
        }
    }

    private static void printJson(PrintWriter out, SearchResult result) throws IOException {
        for (SearchHit hit : result.hits()) {
            out.println(JSON.writeValueAsString(toJson(hit)));
        }
    }

    /** The JSON form of one hit (also usable by other commands). */
    public static ObjectNode toJson(SearchHit hit) {
        InvitationRecord r = hit.record();
        ObjectNode node = JSON.createObjectNode();
        node.put("id", r.id());
        node.put("recipient", r.recipient());
        node.put("platform", r.platform());
        node.put("event", r.event());
        ObjectNode inviter = node.putObject("inviter");
        inviter.put("name", r.inviterName());
        inviter.put("email", r.inviterEmail());
        inviter.put("headline", r.inviterHeadline());
        inviter.put("company", r.inviterCompany());
        inviter.put("location", r.inviterLocation());
        inviter.put("profileUrl", r.profileUrl());
        node.put("note", r.note());
        node.put("verdict", r.verdict());
        r.reasons().forEach(node.putArray("reasons")::add);
        node.put("replyStatus", r.replyStatus());
        node.put("replyDetail", r.replyDetail());
        node.put("receivedAt", r.receivedAt().toString());
        node.put("snippet", hit.snippet());
        return node;
    }

    private static void printTable(PrintWriter out, String text, SearchResult result) {
        out.printf(Locale.ROOT, "%d invitation%s match%s%n", result.total(), result.total() == 1 ? "" : "s",
                text.isBlank() ? "" : " '" + text + "'");
        if (result.hits().isEmpty()) {
            return;
        }
        String row = "%-10s  %-11s  %-9s  %-10s  %-40s  %s%n";
        out.printf(Locale.ROOT, row, "DATE", "VERDICT", "PLATFORM", "STATUS", "INVITER", "NOTE");
        for (SearchHit hit : result.hits()) {
            InvitationRecord r = hit.record();
            String inviter = (r.inviterName() == null ? "" : r.inviterName())
                    + (r.inviterEmail() == null ? "" : " <" + r.inviterEmail() + ">");
            out.printf(Locale.ROOT, row, DAY.format(r.receivedAt()), orDash(r.verdict()), orDash(r.platform()),
                    orDash(r.replyStatus()), cut(inviter.isBlank() ? "-" : inviter.trim(), 40),
                    cut(plainSnippet(hit.snippet()), 70));
        }
        out.println("verdicts: " + summary(result.verdicts()) + "   platforms: " + summary(result.platforms()));
    }

    /** The snippet as terminal text: highlighted words in *stars*, HTML escapes undone. */
    static String plainSnippet(String snippet) {
        if (snippet == null) {
            return "-";
        }
        return snippet.replace("<b>", "*").replace("</b>", "*").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&")
                .replaceAll("\\s+", " ").trim();
    }

    private static String summary(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.length() == 0 ? "-" : sb.toString();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
