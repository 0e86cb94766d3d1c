package org.havewemet.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.KeywordScanner;
import org.havewemet.triage.profile.PlatformProfiles;

/**
 * "Could this be an invitation at all?", answered cheaply before the full triage: a platform's host as sender,
 * bounce or Message-ID host, a platform's header, or one of the gate words (invitation, contact, friend, a brand,
 * in the platforms' languages) in the subject, the sender's name or the first part of the text. Ordinary mail has
 * none and stops here. The words are a superset of what the rules look for; every labelled mail must pass it
 * (the accuracy tests would show a miss as NOT_INVITATION).
 */
final class InvitationGate {
    /** Invitation wording sits near the top; a long mail is not scanned to its end. */
    static final int SCAN_CHARS = 16 * 1024;

    private final List<CompiledProfile> platforms;
    private final List<String> headers;
    private final KeywordScanner words;

    InvitationGate(PlatformProfiles profiles, List<String> headerNames) {
        this.platforms = profiles.platforms();
        this.headers = headerNames;
        List<String> all = new ArrayList<>(profiles.generic().rules.gateWords());
        for (CompiledProfile p : platforms) {
            all.addAll(p.brandNamesLower);
            for (String domain : p.profile().senderDomains()) {
                Hosts.label(domain).ifPresent(all::add);
            }
        }
        this.words = new KeywordScanner(all.stream().map(w -> w.toLowerCase(Locale.ROOT)).filter(w -> w.length() >= 2).toList());
    }

    boolean mayBeInvitation(MailText mail) {
        for (String h : headers) {
            if (mail.hasHeader(h)) {
                return true;
            }
        }
        for (CompiledProfile p : platforms) {
            if (p.isPlatformHost(mail.fromDomain()) || p.isPlatformHost(mail.returnPathDomain())
                    || p.isPlatformHost(mail.messageIdHost())) {
                return true;
            }
        }
        return words.foundIn(mail.subject(), SCAN_CHARS) || words.foundIn(mail.fromName(), SCAN_CHARS)
            || words.foundIn(mail.text(), SCAN_CHARS);
    }
}
