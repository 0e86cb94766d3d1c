package org.havewemet.index;

/**
 * One matching invitation.
 *
 * @param snippet the best passage of the note with matched words in {@code <b>..</b>} (the rest HTML-escaped), the
 *                note's beginning when no word of the query is in it, null when there is no note
 * @param score   relevance score of the match (also filled when sorting by date)
 */
public record SearchHit(InvitationRecord record, String snippet, float score) {
}
