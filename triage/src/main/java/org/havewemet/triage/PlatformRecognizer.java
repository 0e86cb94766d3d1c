package org.havewemet.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

/**
 * Tells which platform sent a mail (sender domain, Message-ID host, header markers, identifying wording) and which
 * event it is about: its structural marks first (template headers, sender local part, link shapes: the same in every
 * language), wording only when no mark decides. Without a platform, it is a person-to-person connection request
 * ("direct"), or a notice of a network that no profile lists ({@link UnlistedNetworks}), or nothing.
 */
final class PlatformRecognizer {
    private static final int EVENT_TEXT_CHARS = 20_000;
    /** A person asks near the top of a mail; the network-and-ask rule does not read a long mail to its end. */
    private static final int DIRECT_ASK_CHARS = 4_000;

    /**
     * A recognised platform (null for direct requests), the event and the evidence.
     *
     * @param unlisted true for a network no profile lists (platform is then the pseudo profile "other")
     */
    record Recognition(CompiledProfile platform, boolean direct, EventKind event, List<Reason> evidence,
                       boolean unlisted) {
        Recognition(CompiledProfile platform, boolean direct, EventKind event, List<Reason> evidence) {
            this(platform, direct, event, evidence, false);
        }
    }

    private final PlatformProfiles profiles;
    private final UnlistedNetworks unlisted;

    PlatformRecognizer(PlatformProfiles profiles) {
        this.profiles = profiles;
        this.unlisted = new UnlistedNetworks(profiles.generic());
    }

    Optional<Recognition> recognize(MailText mail) {
        String head = head(mail.text());
        String eventText = mail.subject() + "\n" + head;
        String id = mail.messageId() == null ? null : stripAngles(mail.messageId().strip());
        CompiledProfile best = null;
        List<Reason> bestEvidence = List.of();
        for (CompiledProfile p : profiles.platforms()) {
            List<Reason> evidence = identity(mail, p, head, id);
            if (evidence.size() > bestEvidence.size()) {
                best = p;
                bestEvidence = evidence;
            }
        }
        if (best != null) {
            if (!best.isSenderDomain(mail.fromDomain()) && Conversation.isReplyWithOriginal(mail, profiles.generic())) {
                // The invitee's (or anyone's) reply quoting a notice: about an invitation, not one.
                List<Reason> evidence = new ArrayList<>(bestEvidence);
                evidence.add(new Reason("REPLY_TO_NOTICE", 0.0, "a reply that quotes a " + best.id() + " notice: "
                    + mail.subject()));
                return Optional.of(new Recognition(best, false, EventKind.OTHER, evidence));
            }
            List<Reason> evidence = new ArrayList<>(bestEvidence);
            EventKind event = event(mail, best, eventText, evidence);
            if (event == EventKind.OTHER && evidence.stream().noneMatch(e -> e.code().equals("PLATFORM_MARK"))) {
                // No mark decided, and a listed platform in a language or an era its profile has no wording for: the generic wording of
                // "X wants to be your friend / invites you" (every language the unlisted networks cover) decides.
                CompiledProfile other = profiles.generic().unlisted;
                EventKind generic = wordingEvent(other, eventText);
                if (generic == EventKind.REMINDER && !Rx.any(other.invitation, eventText)) {
                    generic = EventKind.OTHER;
                }
                if (generic != EventKind.OTHER && !Rx.any(profiles.generic().notInvitation, eventText)) {
                    evidence.add(new Reason("GENERIC_EVENT_WORDING", 0.0, "the generic wording of a "
                        + generic.name().toLowerCase(Locale.ROOT) + " notice"));
                    event = generic;
                }
            }
            return Optional.of(new Recognition(best, false, event, evidence));
        }
        if (Conversation.isConversation(mail, profiles.generic())) {
            // A reply in a thread or a post to a discussion list is not a person asking this recipient to connect.
            return Optional.empty();
        }
        boolean directSubject = Rx.any(profiles.generic().directSubject, mail.subject());
        boolean directBody = Rx.any(profiles.generic().directBody, head);
        boolean askOnNetwork = !directSubject && !directBody && askOnNetwork(mail, head);
        if (directSubject || directBody || askOnNetwork) {
            return Optional.of(new Recognition(null, true, EventKind.INVITATION, List.of(new Reason("DIRECT_REQUEST", 1.0,
                    directSubject ? "subject asks to connect: " + mail.subject()
                        : askOnNetwork ? "the sender asks to be added or accepted on a network" : "the sender asks to connect"))));
        }
        return unlisted.recognize(mail, eventText)
            .map(u -> new Recognition(profiles.generic().unlisted, false, u.event(), u.evidence(), true));
    }

    /**
     * A person's own mail (no campaign's unsubscribe header, no bulk precedence) that asks, in one sentence, to be
     * added or accepted on a network: "add me on Facebook", "LinkedIn'den bağlantı isteği gönderdim".
     */
    private boolean askOnNetwork(MailText mail, String head) {
        if (mail.hasHeader("list-unsubscribe") || mail.header("precedence").stream()
                .anyMatch(v -> v.strip().equalsIgnoreCase("bulk") || v.strip().equalsIgnoreCase("list"))) {
            return false;
        }
        String top = head.length() > DIRECT_ASK_CHARS ? head.substring(0, DIRECT_ASK_CHARS) : head;
        return profiles.generic().directAskOnNetwork.matcher(top).find() && !Rx.any(profiles.generic().directNotAsks, top);
    }

    /** Recognition for a mail that only claims to come from the platform (spoof), to extract what it shows. */
    Recognition claimed(MailText mail, CompiledProfile platform) {
        String eventText = mail.subject() + "\n" + head(mail.text());
        return new Recognition(platform, false, wordingEvent(platform, eventText), List.of());
    }

    /** Header marks decide; then wording that says accepted or reminder; then sender and link marks; then wording. */
    private static EventKind event(MailText mail, CompiledProfile p, String eventText, List<Reason> evidence) {
        Optional<StructuralEvent.Marked> marked = StructuralEvent.of(mail, p);
        if (marked.isPresent() && marked.get().evidence().detail().startsWith("header ")) {
            evidence.add(marked.get().evidence());
            return marked.get().event();
        }
        EventKind worded = wordingEvent(p, eventText);
        if (worded == EventKind.ACCEPTED || worded == EventKind.REMINDER) {
            return worded;
        }
        if (marked.isPresent()) {
            evidence.add(marked.get().evidence());
            return marked.get().event();
        }
        return worded;
    }

    private static List<Reason> identity(MailText mail, CompiledProfile p, String head, String id) {
        List<Reason> evidence = new ArrayList<>();
        if (mail.fromDomain() != null && p.isSenderDomain(mail.fromDomain())) {
            evidence.add(new Reason("PLATFORM_SENDER", 1.0, "sent from " + mail.fromDomain()));
        }
        if (id != null) {
            if (Rx.any(p.messageId, id) || (mail.messageIdHost() != null && Rx.any(p.messageId, mail.messageIdHost()))) {
                evidence.add(new Reason("PLATFORM_MESSAGE_ID", 1.0, "Message-ID from " + p.id() + ": " + mail.messageIdHost()));
            }
        }
        boolean header = false;
        for (String marker : p.profile().headerMarkers()) {
            if (mail.hasHeader(marker.toLowerCase(Locale.ROOT))) {
                evidence.add(new Reason("PLATFORM_HEADER", 1.0, "header " + marker));
                header = true;
                break;
            }
        }
        if (!header) {
            StructuralEvent.anyHeader(mail, p).ifPresent(h -> evidence.add(new Reason("PLATFORM_HEADER", 1.0, "header " + h)));
        }
        if (Rx.any(p.identifying, mail.subject()) || Rx.any(p.identifying, head)) {
            evidence.add(new Reason("PLATFORM_WORDING", 1.0, "wording of a " + p.id() + " notice"));
        }
        if (!evidence.isEmpty() && mail.fromDomain() != null && Hosts.isReserved(mail.fromDomain())) {
            evidence.add(new Reason("ADDRESS_HIDDEN", 0.0, "sender address hidden by an archive: " + mail.fromDomain()));
        }
        return evidence;
    }

    static EventKind wordingEvent(CompiledProfile p, String text) {
        if (Rx.any(p.accepted, text)) {
            return EventKind.ACCEPTED;
        }
        if (Rx.any(p.reminder, text)) {
            return EventKind.REMINDER;
        }
        if (Rx.any(p.invitation, text)) {
            return EventKind.INVITATION;
        }
        return EventKind.OTHER;
    }

    private static String stripAngles(String id) {
        int start = id.startsWith("<") ? 1 : 0;
        int end = id.endsWith(">") ? id.length() - 1 : id.length();
        return start >= end ? "" : id.substring(start, end);
    }

    private static String head(String text) {
        return text.length() > EVENT_TEXT_CHARS ? text.substring(0, EVENT_TEXT_CHARS) : text;
    }
}
