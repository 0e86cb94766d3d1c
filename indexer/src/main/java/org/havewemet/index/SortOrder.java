package org.havewemet.index;

/** How search results are ordered: newest first, or best match first (newest first among equals). */
public enum SortOrder {
    DATE,
    RELEVANCE
}
