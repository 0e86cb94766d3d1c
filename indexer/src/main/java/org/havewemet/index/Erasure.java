package org.havewemet.index;

import java.time.Instant;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What {@link InvitationIndex#eraseInviter} and {@link InvitationIndex#purgeOlderThan} delete, across every user:
 * the queries only; the index runs them under its exclusive lock so that the counts it returns are exact.
 */
final class Erasure {
    private Erasure() {
    }

    /** One person's invitations (by address or by grouping key) and correspondent entries; {@code who} normalised. */
    static Query[] inviter(InvitationSchema schema, String who) {
        Query invitations = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(InvitationSchema.EMAIL, who)), Occur.SHOULD)
                        .add(new TermQuery(new Term(InvitationSchema.INVITER_KEY, who)), Occur.SHOULD)
                        .build(), Occur.MUST)
                .add(schema.typeFilter(InvitationSchema.TYPE_INVITATION), Occur.FILTER)
                .build();
        Query correspondents = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(InvitationSchema.CORRESPONDENT_ADDRESS, who)), Occur.MUST)
                .add(schema.typeFilter(InvitationSchema.TYPE_CORRESPONDENT), Occur.FILTER)
                .build();
        return new Query[] {invitations, correspondents};
    }

    /** Invitations received before {@code cutoff}. */
    static Query olderThan(InvitationSchema schema, Instant cutoff) {
        return new BooleanQuery.Builder()
                .add(schema.receivedBetween(null, cutoff), Occur.MUST)
                .add(schema.typeFilter(InvitationSchema.TYPE_INVITATION), Occur.FILTER)
                .build();
    }
}
