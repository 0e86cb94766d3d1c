package org.havewemet.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The read side shared by the live index and the read-only searcher: every method takes an acquired searcher and
 * always scopes to one user with a filter clause, whatever the query text was.
 */
final class IndexReads {
    /** Deepest page reachable (offset + limit), to bound memory of a single request. */
    static final int MAX_WINDOW = 10_000;

    private static final SortField NEWEST_FIRST = InvitationSchema.newestFirst();
    private static final List<String> FACET_FIELDS =
            List.of(InvitationSchema.VERDICT, InvitationSchema.PLATFORM, InvitationSchema.MONTH);

    private final InvitationSchema schema;
    /** One stateless parser per index layout (index 1 to the current version), shared by every search. */
    private final UserQueryParser[] parsers = new UserQueryParser[InvitationSchema.SCHEMA_VERSION + 1];

    IndexReads(InvitationSchema schema) {
        this.schema = schema;
        for (int version = 1; version < InvitationSchema.SCHEMA_VERSION; version++) {
            parsers[version] = new UserQueryParser(InvitationSchema.queryingLayout(version));
        }
        parsers[InvitationSchema.SCHEMA_VERSION] = new UserQueryParser(schema);
    }

    SearchResult search(IndexSearcher searcher, String user, String queryText, SortOrder order, int limit, int offset)
            throws IOException {
        return search(searcher, user, parse(searcher, queryText, user), order, limit, offset);
    }

    /** The same for a query built with the schema's factories (scoped here, like a parsed one). */
    SearchResult search(IndexSearcher searcher, String user, Query userQuery, SortOrder order, int limit, int offset)
            throws IOException {
        Query query = schema.scoped(user, userQuery);
        int from = Math.max(0, offset);
        int window = Math.min(MAX_WINDOW, from + Math.max(0, limit));
        Sort sort = order == SortOrder.RELEVANCE ? new Sort(SortField.FIELD_SCORE, NEWEST_FIRST) : new Sort(NEWEST_FIRST);
        // One pass collects the top window and counts the facets of every match.
        Object[] collected = searcher.search(query, new MultiCollectorManager(
                new TopFieldCollectorManager(sort, Math.max(1, window), null, Integer.MAX_VALUE, true),
                FacetCountingCollector.manager(FACET_FIELDS)));
        ScoreDoc[] all = ((TopDocs) collected[0]).scoreDocs;
        FacetCountingCollector.Counts facets = (FacetCountingCollector.Counts) collected[1];
        int end = Math.min(all.length, window);
        ScoreDoc[] page = from >= end ? new ScoreDoc[0] : Arrays.copyOfRange(all, from, end);
        TopFieldCollector.populateScores(page, searcher, query);
        String[] snippets = highlight(searcher, userQuery, page);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            hits.add(new SearchHit(schema.toRecord(stored.document(page[i].doc)), snippets[i], page[i].score));
        }
        return new SearchResult(facets.matches(), hits, facets.byField().get(0), facets.byField().get(1),
                facets.byField().get(2));
    }

    List<InviterSummary> inviters(IndexSearcher searcher, String user, String queryText, int limit, int offset)
            throws IOException {
        Query query = schema.scoped(user, parse(searcher, queryText, user));
        Map<String, InviterGroupingCollector.Group> all = searcher.search(query, InviterGroupingCollector.manager());
        int from = Math.max(0, offset);
        List<Map.Entry<String, InviterGroupingCollector.Group>> groups = firstGroups(all, from + Math.max(0, limit));
        StoredFields stored = searcher.storedFields();
        List<InviterSummary> out = new ArrayList<>();
        for (int i = from; i < groups.size() && out.size() < Math.max(0, limit); i++) {
            InviterGroupingCollector.Group g = groups.get(i).getValue();
            InvitationRecord last = schema.toRecord(stored.document(g.lastDoc));
            out.add(new InviterSummary(last.recipient(), groups.get(i).getKey(), last.inviterName(), last.inviterEmail(),
                    last.inviterHeadline(), last.inviterCompany(), last.profileUrl(), last.platform(), g.count,
                    Instant.ofEpochMilli(g.first), Instant.ofEpochMilli(g.last), last.verdict()));
        }
        return out;
    }

    private static final Comparator<Map.Entry<String, InviterGroupingCollector.Group>> LATEST_FIRST =
            Comparator.<Map.Entry<String, InviterGroupingCollector.Group>>comparingLong(e -> -e.getValue().last)
                    .thenComparing(Map.Entry::getKey);

    /**
     * The first {@code count} groups, latest first then by key: a bounded heap rather than sorting every inviter of
     * the user when only a page is shown.
     */
    private static List<Map.Entry<String, InviterGroupingCollector.Group>> firstGroups(
            Map<String, InviterGroupingCollector.Group> all, int count) {
        if ((long) count * 4 >= all.size()) {
            List<Map.Entry<String, InviterGroupingCollector.Group>> sorted = new ArrayList<>(all.entrySet());
            sorted.sort(LATEST_FIRST);
            return sorted;
        }
        PriorityQueue<Map.Entry<String, InviterGroupingCollector.Group>> worstOnTop =
                new PriorityQueue<>(count + 1, LATEST_FIRST.reversed());
        for (Map.Entry<String, InviterGroupingCollector.Group> e : all.entrySet()) {
            if (worstOnTop.size() < count) {
                worstOnTop.add(e);
            } else if (count > 0 && LATEST_FIRST.compare(e, worstOnTop.peek()) < 0) {
                worstOnTop.poll();
                worstOnTop.add(e);
            }
        }
        List<Map.Entry<String, InviterGroupingCollector.Group>> first = new ArrayList<>(worstOnTop);
        first.sort(LATEST_FIRST);
        return first;
    }

    Optional<InvitationRecord> get(IndexSearcher searcher, String id) throws IOException {
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(schema.idTerm(id)), Occur.FILTER)
                .add(schema.typeFilter(InvitationSchema.TYPE_INVITATION), Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
        return Optional.of(schema.toRecord(doc));
    }

    long count(IndexSearcher searcher, String user) throws IOException {
        return searcher.count(schema.scoped(user, new MatchAllDocsQuery()));
    }

    boolean isKnown(IndexSearcher searcher, String user, String address, String name) throws IOException {
        String normalizedAddress = Names.normalizeAddress(address);
        String normalizedName = Names.normalizeName(name);
        if (user == null || (normalizedAddress == null && normalizedName == null)) {
            return false;
        }
        BooleanQuery.Builder who = new BooleanQuery.Builder();
        if (normalizedAddress != null) {
            who.add(new TermQuery(new Term(InvitationSchema.CORRESPONDENT_ADDRESS, normalizedAddress)), Occur.SHOULD);
        }
        if (normalizedName != null) {
            who.add(new TermQuery(new Term(InvitationSchema.CORRESPONDENT_NAME, normalizedName)), Occur.SHOULD);
        }
        Query query = new BooleanQuery.Builder()
                .add(who.build(), Occur.MUST)
                .add(schema.typeFilter(InvitationSchema.TYPE_CORRESPONDENT), Occur.FILTER)
                .add(schema.recipientFilter(user), Occur.FILTER)
                .build();
        return searcher.count(query) > 0;
    }

    /**
     * The user's query for the layout of the index searched: the live index is always current; an index in an older
     * layout, which only the read-only searcher can meet before the server rewrote it, gets the query of its layout
     * (no per-user address field before version 2, lower-case keyword terms before version 3).
     */
    private Query parse(IndexSearcher searcher, String queryText, String user) {
        int layout = InvitationSchema.layoutOf(searcher.getIndexReader());
        return parsers[layout].parse(queryText, layout >= 2 ? user : null);
    }

    private String[] highlight(IndexSearcher searcher, Query userQuery, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, schema.analyzer())
                .withFormatter(new DefaultPassageFormatter("<b>", "</b>", "… ", true))
                .build();
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        return highlighter.highlight(InvitationSchema.NOTE, userQuery, pageDocs, 1);
    }
}
