package org.havewemet.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.Rx;

/**
 * Recognises invitations of networks that no profile lists: the wording of "X invites you to join / connect / follow /
 * be friends / chat" in many languages, confirmed by a structural sign that a service sent it (an invitation token in
 * a link, an accept and a decline link, a service address as sender). Wording alone is not enough: people write
 * "friend request" too.
 */
final class UnlistedNetworks {
    private static final int MAX_LINKS = 100;
    /** Evidence code of a mail with an invitation's words but no structural sign of a notice. */
    static final String WORDING_ONLY = "INVITATION_WORDING_ONLY";

    /** The event of an unlisted network's notice and why it was taken for one. */
    record Unlisted(EventKind event, List<Reason> evidence) {
    }

    private final CompiledGeneric generic;
    private final CompiledProfile other;

    UnlistedNetworks(CompiledGeneric generic) {
        this.generic = generic;
        this.other = generic.unlisted;
    }

    Optional<Unlisted> recognize(MailText mail, String eventText) {
        EventKind event = PlatformRecognizer.wordingEvent(other, eventText);
        if (event == EventKind.OTHER && !Rx.any(other.invitation, eventText)) {
            // No wording in any language we list: the notice's structure alone may still say "one person asks".
            return StructuralInvitation.score(mail, generic)
                .map(why -> new Unlisted(EventKind.INVITATION, List.of(new Reason("STRUCTURAL_INVITATION", 1.0, why))));
        }
        if (event == EventKind.REMINDER && !Rx.any(other.invitation, eventText)) {
            // "Reminder" alone is every calendar's word: a network's reminder names the invitation too.
            return Optional.empty();
        }
        boolean notConnecting = Rx.any(generic.notInvitation, eventText) || mail.links().stream().limit(MAX_LINKS)
                .anyMatch(l -> Rx.any(generic.notInvitation, l.url()));
        Optional<String> sign = notConnecting ? Optional.empty() : structuralSign(mail);
        List<Reason> evidence = new ArrayList<>();
        if (sign.isEmpty()) {
            // Only words: a person's mail, or spam that borrows them. Triage keeps it only when it is suspicious.
            evidence.add(new Reason(WORDING_ONLY, 0.0, "invitation wording without any sign of a service notice"));
            return Optional.of(new Unlisted(event, evidence));
        }
        evidence.add(new Reason("UNLISTED_NETWORK", 1.0, "the wording of a network's " + event.name()
            .toLowerCase(Locale.ROOT) + " notice, and " + sign.get()));
        return Optional.of(new Unlisted(event, evidence));
    }

    private Optional<String> structuralSign(MailText mail) {
        int seen = 0;
        boolean accept = false;
        boolean decline = false;
        for (MailText.Link link : mail.links()) {
            if (++seen > MAX_LINKS) {
                break;
            }
            if (Rx.any(generic.inviteLinks, link.url())) {
                return Optional.of("a link carries an invitation: " + shorten(link.url()));
            }
            String context = link.context() == null || link.context().length() > 120 ? "" : link.context().strip();
            accept |= Rx.any(generic.acceptWords, context);
            decline |= Rx.any(generic.declineWords, context);
        }
        if (accept && decline) {
            return Optional.of("it has an accept and a decline link");
        }
        String from = mail.fromAddress();
        if (from != null && from.contains("@") && !Hosts.isReserved(mail.fromDomain())
                && !generic.freeMailDomains.contains(mail.fromDomain())) {
            String local = from.substring(0, from.lastIndexOf('@')).toLowerCase(Locale.ROOT);
            if (Rx.any(generic.serviceSenders, local)) {
                return Optional.of("the sender is a service address: " + from);
            }
        }
        return sentOnBehalf(mail);
    }

    /**
     * A service's notice in a member's name: the From is the member's free-mail address, the bounces go to the
     * service's own domain, and the mail names that service ("robloxians@protonmail.com is a fan of Kongregate").
     */
    private Optional<String> sentOnBehalf(MailText mail) {
        String from = mail.fromDomain();
        String bounce = mail.returnPathDomain();
        if (from == null || bounce == null || !generic.freeMailDomains.contains(from.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> service = Hosts.label(bounce);
        if (service.isEmpty() || service.get().length() < 4 || Hosts.within(bounce, List.of(from))
                || generic.freeMailDomains.stream().anyMatch(d -> Hosts.within(bounce, List.of(d)))) {
            return Optional.empty();
        }
        String head = (mail.subject() + "\n" + mail.text().substring(0, Math.min(8192, mail.text().length())))
            .toLowerCase(Locale.ROOT);
        return head.contains(service.get())
            ? Optional.of("it was sent by " + bounce + " in the name of " + mail.fromAddress()) : Optional.empty();
    }

    private static String shorten(String url) {
        return url.length() > 100 ? url.substring(0, 100) : url;
    }
}
