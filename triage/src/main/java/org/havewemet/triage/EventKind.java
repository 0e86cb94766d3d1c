package org.havewemet.triage;

/** What kind of platform or person-to-person event a mail is about. */
public enum EventKind {
    /** A first connection / friend / join request. */
    INVITATION,
    /** A reminder of a pending invitation ("is waiting for your response"). */
    REMINDER,
    /** "X accepted your invitation". */
    ACCEPTED,
    /** Other platform mail (updates, newsletters, messages) and anything that is not an invitation. */
    OTHER
}
