package org.havewemet.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The one place that knows how invitations and correspondents become Lucene documents: field names, the field type
 * chosen for each role, document/record conversion, and the query factories everything else builds on.
 *
 * <p>Roles: ids, the document type, addresses and the event are un-analysed {@link StringField}s (exact match);
 * values that are also sorted, counted or grouped by (recipient, verdict, platform, reply status, inviter key) are
 * {@link KeywordField}s: terms and sorted-set doc values of one value, queried with
 * {@link KeywordField#newExactQuery}; what people write (name, headline, company, location, note) is {@link TextField}
 * through {@link InvitationAnalyzer}; dates and counts are {@link LongField}s (points for ranges, doc values for
 * sorting, queried with {@link LongField#newRangeQuery}); the month carries sorted-set doc values for facet counting.
 *
 * <p>Keyword values are matched case-insensitively: each keyword field has one canonical case (verdicts are upper case,
 * as the facets show them, everything else lower case) that the index terms, the doc values and every query use;
 * the stored value is the record's own.
 */
public final class InvitationSchema {
    public static final String TYPE = "type";
    public static final String TYPE_INVITATION = "invitation";
    public static final String TYPE_CORRESPONDENT = "correspondent";

    public static final String ID = "id";
    public static final String RECIPIENT = "recipient";
    public static final String MESSAGE_ID = "messageId";
    public static final String PLATFORM = "platform";
    public static final String EVENT = "event";
    public static final String NAME = "inviterName";
    public static final String EMAIL = "inviterEmail";
    public static final String HEADLINE = "inviterHeadline";
    public static final String COMPANY = "inviterCompany";
    public static final String LOCATION = "inviterLocation";
    public static final String PROFILE_URL = "profileUrl";
    public static final String NOTE = "note";
    public static final String NOTE_LANGUAGE = "noteLanguage";
    public static final String VERDICT = "verdict";
    public static final String REASONS = "reasons";
    public static final String REPLY_STATUS = "replyStatus";
    public static final String REPLY_DETAIL = "replyDetail";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String MONTH = "month";
    public static final String MUTUAL = "mutualConnections";
    public static final String CONNECTIONS = "connections";
    /** One value per person (address, else profile link, else normalised name): what "inviters" groups by. */
    public static final String INVITER_KEY = "inviterKey";
    public static final String CORRESPONDENT_ADDRESS = "correspondentAddress";
    public static final String CORRESPONDENT_NAME = "correspondentName";
    /**
     * The inviter's address prefixed by the recipient ({@code recipient + U+0001 + address}): lets {@code from:maria}
     * expand only this user's addresses instead of every user's (schema version 2).
     */
    public static final String RECIPIENT_EMAIL = "recipientInviterEmail";
    /** {@link InvitationRecord#STATUS_CORRECTED} when somebody changed the verdict by hand (schema version 4). */
    public static final String CORRECTION_STATUS = "correctionStatus";
    public static final String CORRECTED_BY = "correctedBy";
    public static final String CORRECTED_AT = "correctedAt";
    public static final String CORRECTED_VERDICT = "correctedVerdict";
    public static final String CORRECTED_FROM = "correctedFrom";

    /**
     * Version of the document layout, kept in the commit user data. 2: documents sorted by recipient then newest
     * first (each user's invitations are one run of documents per segment), {@link #RECIPIENT_EMAIL} added.
     * 3: {@link KeywordField} and {@link LongField}: sorted-set instead of sorted doc values for keywords and the
     * month, sorted-numeric instead of numeric doc values for dates and counts, keyword terms in canonical case.
     * 4: a hand-made correction ({@link #CORRECTION_STATUS}, who, when, to and from which verdict); only fields were
     * added, so a version-3 index is brought to 4 without rewriting a document ({@link IndexMigration}).
     */
    public static final int SCHEMA_VERSION = 4;
    public static final String SCHEMA_VERSION_KEY = "havewemet.schemaVersion";
    private static final char RECIPIENT_SEPARATOR = '\u0001';

    /** Fields a free-text word is looked up in. */
    public static final List<String> FREE_TEXT_FIELDS = List.of(NAME, HEADLINE, COMPANY, LOCATION, NOTE);

    private static final DateTimeFormatter MONTH_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Analyzer analyzer = new InvitationAnalyzer();
    /** The layout the query factories query: {@link #SCHEMA_VERSION} except in {@link #queryingLayout}. */
    private final int layout;

    /** Writes and queries the current layout. */
    public InvitationSchema() {
        this(SCHEMA_VERSION);
    }

    private InvitationSchema(int layout) {
        this.layout = layout;
    }

    /**
     * A schema whose query factories match an index written in an older layout (before 3, keyword terms were all
     * lower case). Only the read-only searcher needs it, when it meets an index the server has not rewritten yet;
     * documents are always written in the current layout.
     */
    static InvitationSchema queryingLayout(int version) {
        return new InvitationSchema(Math.min(version, SCHEMA_VERSION));
    }

    /**
     * The layout of the index behind {@code reader}, from its segments: 1 when a segment is not sorted, 2 when dates
     * have numeric (not sorted-numeric) doc values, else the current one. An empty index is current.
     */
    static int layoutOf(IndexReader reader) {
        int found = SCHEMA_VERSION;
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader().getMetaData().getSort() == null) {
                return 1;
            }
            FieldInfo received = leaf.reader().getFieldInfos().fieldInfo(RECEIVED_AT);
            if (received != null && received.getDocValuesType() == DocValuesType.NUMERIC) {
                found = 2;
            }
        }
        return found;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * Order of documents inside every segment: by recipient, then newest first. A user's invitations are then
     * contiguous, so matching one user's query skips other users' documents in whole blocks instead of interleaving
     * with them; the cost of a search follows the user's own invitations, not the size of the whole index.
     */
    public static Sort indexSort() {
        return new Sort(KeywordField.newSortField(RECIPIENT, false, SortedSetSelector.Type.MIN), newestFirst());
    }

    /**
     * Most recently received first. Reads numeric doc values as well as sorted-numeric ones, so it also sorts an
     * index of an older schema (the read-only searcher can meet one before the server rewrote it).
     */
    public static SortField newestFirst() {
        return LongField.newSortField(RECEIVED_AT, true, SortedNumericSelector.Type.MIN);
    }

    /** The codec the index is written with (Lucene's default: fast stored fields, small enough per invitation). */
    public static Codec codec() {
        return Codec.getDefault();
    }

    // ---------------------------------------------------------------- documents

    public Document toDocument(InvitationRecord r) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_INVITATION, Field.Store.NO));
        doc.add(new StringField(ID, r.id(), Field.Store.YES));
        doc.add(new KeywordField(RECIPIENT, r.recipient(), Field.Store.YES));
        storeOnly(doc, MESSAGE_ID, r.messageId());
        keyword(doc, PLATFORM, r.platform());
        if (r.event() != null && !r.event().isBlank()) {
            doc.add(new StringField(EVENT, canonical(EVENT, r.event()), Field.Store.NO));
            doc.add(new StoredField(EVENT, r.event()));
        }
        text(doc, NAME, r.inviterName());
        if (r.inviterEmail() != null) {
            doc.add(new StringField(EMAIL, r.inviterEmail(), Field.Store.YES));
            doc.add(new StringField(RECIPIENT_EMAIL, recipientEmail(r.recipient(), r.inviterEmail()), Field.Store.NO));
        }
        text(doc, HEADLINE, r.inviterHeadline());
        text(doc, COMPANY, r.inviterCompany());
        text(doc, LOCATION, r.inviterLocation());
        storeOnly(doc, PROFILE_URL, r.profileUrl());
        text(doc, NOTE, r.note());
        storeOnly(doc, NOTE_LANGUAGE, r.noteLanguage());
        keyword(doc, VERDICT, r.verdict());
        for (String reason : r.reasons()) {
            doc.add(new StringField(REASONS, reason, Field.Store.YES));
        }
        keyword(doc, REPLY_STATUS, r.replyStatus());
        storeOnly(doc, REPLY_DETAIL, r.replyDetail());
        doc.add(new LongField(RECEIVED_AT, r.receivedAt().toEpochMilli(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField(MONTH, new BytesRef(MONTH_FORMAT.format(r.receivedAt()))));
        count(doc, MUTUAL, r.mutualConnections());
        count(doc, CONNECTIONS, r.connections());
        doc.add(new KeywordField(INVITER_KEY, inviterKey(r), Field.Store.NO));
        if (r.correction() != null) {
            InvitationRecord.Correction c = r.correction();
            keyword(doc, CORRECTION_STATUS, InvitationRecord.STATUS_CORRECTED);
            keyword(doc, CORRECTED_BY, c.by());
            if (c.at() != null) {
                doc.add(new StoredField(CORRECTED_AT, c.at().toEpochMilli()));
            }
            storeOnly(doc, CORRECTED_VERDICT, c.verdict());
            storeOnly(doc, CORRECTED_FROM, c.previous());
        }
        return doc;
    }

    private static InvitationRecord.Correction correctionOf(Document doc) {
        if (doc.get(CORRECTED_BY) == null || doc.get(CORRECTED_VERDICT) == null) {
            return null;
        }
        IndexableField at = doc.getField(CORRECTED_AT);
        return new InvitationRecord.Correction(doc.get(CORRECTED_BY),
                at == null ? null : Instant.ofEpochMilli(at.numericValue().longValue()), doc.get(CORRECTED_VERDICT),
                doc.get(CORRECTED_FROM));
    }

    public InvitationRecord toRecord(Document doc) {
        List<String> reasons = new ArrayList<>();
        for (IndexableField f : doc.getFields(REASONS)) {
            reasons.add(f.stringValue());
        }
        return new InvitationRecord(doc.get(ID), doc.get(RECIPIENT), doc.get(MESSAGE_ID), doc.get(PLATFORM),
                doc.get(EVENT), doc.get(NAME), doc.get(EMAIL), doc.get(HEADLINE), doc.get(COMPANY), doc.get(LOCATION),
                doc.get(PROFILE_URL), doc.get(NOTE), doc.get(NOTE_LANGUAGE), doc.get(VERDICT), reasons,
                doc.get(REPLY_STATUS), doc.get(REPLY_DETAIL),
                Instant.ofEpochMilli(doc.getField(RECEIVED_AT).numericValue().longValue()),
                intOrNull(doc, MUTUAL), intOrNull(doc, CONNECTIONS), correctionOf(doc));
    }

    /** A known correspondent of {@code user}: matched later by address or by normalised name. */
    public Document correspondentDocument(String user, String address, String displayName) {
        String normalizedAddress = Names.normalizeAddress(address);
        String normalizedName = Names.normalizeName(displayName);
        return correspondentDocument(correspondentId(user, normalizedAddress, normalizedName), Names.normalizeAddress(user),
                normalizedAddress, normalizedName);
    }

    /** The same from already normalised values, as stored (used when an index is rewritten in a newer layout). */
    Document correspondentDocument(String id, String normalizedUser, String normalizedAddress, String normalizedName) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, TYPE_CORRESPONDENT, Field.Store.NO));
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new KeywordField(RECIPIENT, normalizedUser, Field.Store.YES));
        if (normalizedAddress != null) {
            doc.add(new StringField(CORRESPONDENT_ADDRESS, normalizedAddress, Field.Store.YES));
        }
        if (normalizedName != null) {
            doc.add(new StringField(CORRESPONDENT_NAME, normalizedName, Field.Store.YES));
        }
        return doc;
    }

    public String correspondentId(String user, String normalizedAddress, String normalizedName) {
        String who = normalizedAddress != null ? normalizedAddress : "name:" + normalizedName;
        return "correspondent/" + Names.normalizeAddress(user) + "/" + who;
    }

    /** Who an invitation is from, as one grouping key: address, else profile link, else normalised name. */
    public static String inviterKey(InvitationRecord r) {
        if (r.inviterEmail() != null) {
            return r.inviterEmail();
        }
        if (r.profileUrl() != null && !r.profileUrl().isBlank()) {
            return r.profileUrl().trim().toLowerCase(Locale.ROOT);
        }
        String name = Names.normalizeName(r.inviterName());
        return name == null ? "(unknown)" : "name:" + name;
    }

    public static String month(Instant instant) {
        return MONTH_FORMAT.format(instant);
    }

    // ---------------------------------------------------------------- queries

    public Term idTerm(String id) {
        return new Term(ID, id);
    }

    /** The scoping filter: only this user's documents. Added by the index, never derived from what users type. */
    public Query recipientFilter(String user) {
        return KeywordField.newExactQuery(RECIPIENT, Names.normalizeAddress(user));
    }

    public Query typeFilter(String type) {
        return new TermQuery(new Term(TYPE, type));
    }

    /** The user's query restricted to the user's invitations, scoring only by the user's query. */
    public Query scoped(String user, Query userQuery) {
        return new BooleanQuery.Builder()
                .add(userQuery, Occur.MUST)
                .add(typeFilter(TYPE_INVITATION), Occur.FILTER)
                .add(recipientFilter(user), Occur.FILTER)
                .build();
    }

    /**
     * Exact match on a keyword field (verdict, platform, reply status, event), whatever the case of {@code value};
     * scores a constant: a keyword narrows the matches, it says nothing about how well the words match.
     */
    public Query keywordQuery(String field, String value) {
        if (layout < 3) {
            return new ConstantScoreQuery(new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT))));
        }
        return KeywordField.newExactQuery(field, canonical(field, value));
    }

    /**
     * Received in [fromInclusive, toExclusive); either bound may be null. {@link LongField#newRangeQuery} lets Lucene
     * pick, per segment, between the points (good when the range is the most selective part of the query) and a
     * check of each candidate's doc value (good when the user's own invitations are fewer than the whole index's
     * invitations in that range); both score the same constant.
     */
    public Query receivedBetween(Instant fromInclusive, Instant toExclusive) {
        long lower = fromInclusive == null ? Long.MIN_VALUE : fromInclusive.toEpochMilli();
        long upper = toExclusive == null ? Long.MAX_VALUE : toExclusive.toEpochMilli() - 1;
        return LongField.newRangeQuery(RECEIVED_AT, lower, upper);
    }

    /** Inviter addresses of {@code user}'s invitations that start with {@code prefix} (schema version 2). */
    public Query inviterEmailPrefix(String user, String prefix) {
        return new PrefixQuery(new Term(RECIPIENT_EMAIL, recipientEmail(Names.normalizeAddress(user), prefix)));
    }

    private static String recipientEmail(String recipient, String email) {
        return recipient + RECIPIENT_SEPARATOR + email;
    }

    /**
     * Text looked up in one analysed field: one token is a term query, several (a quoted phrase, or "jean-luc") a
     * phrase query. Text with no indexable token (punctuation, a lone "*") matches nothing.
     */
    public Query textQuery(String field, String text) {
        List<String> tokens = analyze(field, text);
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no searchable word in '" + text + "'");
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        return new PhraseQuery(field, tokens.toArray(new String[0]));
    }

    public List<String> analyze(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text cannot fail", e);
        }
        return tokens;
    }

    // ---------------------------------------------------------------- helpers

    /** A keyword: term and doc value in the field's canonical case, the record's own value stored. */
    private static void keyword(Document doc, String field, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        doc.add(new KeywordField(field, canonical(field, value), Field.Store.NO));
        doc.add(new StoredField(field, value));
    }

    /** The one case a keyword field's values are indexed, counted and queried in. */
    static String canonical(String field, String value) {
        return field.equals(VERDICT) ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
    }

    private static void text(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void storeOnly(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }

    private static void count(Document doc, String field, Integer value) {
        if (value != null) {
            doc.add(new LongField(field, value, Field.Store.YES));
        }
    }

    private static Integer intOrNull(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return f == null ? null : f.numericValue().intValue();
    }
}
