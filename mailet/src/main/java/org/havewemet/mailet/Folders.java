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
}
