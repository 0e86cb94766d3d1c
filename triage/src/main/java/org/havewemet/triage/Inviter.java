package org.havewemet.triage;

import java.util.Optional;

/**
 * Who sent the invitation, as far as the mail shows it. Every field may be null when the mail does not carry it.
 *
 * @param email the inviter's own mail address when the mail carries one (never the platform's bounce address)
 */
public record Inviter(String name, String headline, String company, String location, String email, String profileUrl) {
    public static final Inviter UNKNOWN = new Inviter(null, null, null, null, null, null);

    public Optional<String> emailAddress() {
        return Optional.ofNullable(email);
    }
}
