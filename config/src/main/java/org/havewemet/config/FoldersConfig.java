package org.havewemet.config;

import java.util.Objects;

/**
 * Where triaged invitations are filed, as IMAP folder paths of the recipient's mailbox ({@code /} separates levels).
 *
 * @param priority    personal, explained requests ({@code folders.priority}, default {@code Invitations/Priority})
 * @param unexplained unexplained requests that got a "Have we met?" reply ({@code folders.unexplained})
 * @param suspicious  spoofed or phishing look-alikes ({@code folders.suspicious}, default {@code Spam})
 * @param drafts      where draft replies are stored when replies are not sent directly ({@code folders.drafts})
 */
public record FoldersConfig(String priority, String unexplained, String suspicious, String drafts) {
    public FoldersConfig {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(unexplained, "unexplained");
        Objects.requireNonNull(suspicious, "suspicious");
        Objects.requireNonNull(drafts, "drafts");
    }
}
