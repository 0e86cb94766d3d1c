package org.havewemet.mailet;

import java.util.Optional;

import org.havewemet.triage.Verdict;

/** Where each verdict is filed; '/' separates levels, as James' StorageDirective expects. */
public record Folders(String priority, String unexplained, String suspicious, String drafts) {
    public static final Folders DEFAULT = new Folders("Invitations/Priority", "Invitations/Unexplained", "Spam", "Drafts");

    /** @return the folder for a verdict, empty when the mail stays where it would go anyway (INBOX). */
    public Optional<String> forVerdict(Verdict verdict) {
        return switch (verdict) {
            case PERSONAL, KNOWN -> Optional.of(priority); // someone the user knows is welcome too
            case UNEXPLAINED -> Optional.of(unexplained);
            case SUSPICIOUS -> Optional.of(suspicious);
            case NOT_INVITATION -> Optional.empty();
        };
    }

    /**
     * Which correction target a mailbox is, by its James name ('.' or '/' between levels): PRIORITY, UNEXPLAINED,
     * SPAM or INBOX; empty for any other mailbox.
     */
    public Optional<String> watched(String mailboxName) {
        String name = mailboxName == null ? "" : mailboxName.replace('.', '/');
        if (name.equalsIgnoreCase("INBOX")) {
            return Optional.of("INBOX");
        }
        if (name.equals(priority.replace('.', '/'))) {
            return Optional.of("PRIORITY");
        }
        if (name.equals(unexplained.replace('.', '/'))) {
            return Optional.of("UNEXPLAINED");
        }
        if (name.equals(suspicious.replace('.', '/'))) {
            return Optional.of("SPAM");
        }
        return Optional.empty();
    }
}
