package org.havewemet.triage;

/**
 * Answers "does this recipient already correspond with this inviter?". Implemented on top of the index by the
 * mailet wiring, so triage never depends on the index module.
 */
@FunctionalInterface
public interface KnownInviters {
    KnownInviters NOBODY = (recipient, email, name) -> false;

    /**
     * @param recipient the local user (mail address)
     * @param email     the inviter's address, may be null
     * @param name      the inviter's display name, may be null
     */
    boolean isKnown(String recipient, String email, String name);
}
