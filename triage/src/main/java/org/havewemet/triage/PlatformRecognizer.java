package org.havewemet.triage;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells which platform sent a mail (sender domain, Message-ID host, header markers, identifying wording) and which
 * event it is about; or that it is a person-to-person connection request ("direct").
 */
final class PlatformRecognizer {
    private static final int EVENT_TEXT_CHARS = 20_000;
    private static final java.util.regex.Pattern ANGLE_BRACKETS = java.util.regex.Pattern.compile("^<|>$");
    private static final java.util.regex.Pattern REPLY_PREFIX = java.util.regex.Pattern.compile("(?i)^(re|aw|fwd?|tr|sv|wg|rif|r)\\s*(\\[\\d+\\])?:");

    /** A recognised platform (null for direct requests), the event and the evidence. */
    record Recognition(CompiledProfile platform, boolean direct, EventKind event, List<Reason> evidence) {
    }

    private final PlatformProfiles profiles;

    PlatformRecognizer(PlatformProfiles profiles) {
        this.profiles = profiles;
    }

    Optional<Recognition> recognize(MailText mail) {
        String head = head(mail.text());
        String eventText = mail.subject() + "\n" + head;
        // the Message-ID without its angle brackets, once per mail rather than once per platform
        String id = mail.messageId() == null ? null : ANGLE_BRACKETS.matcher(mail.messageId().strip()).replaceAll("");
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
            return Optional.of(new Recognition(best, false, event(best, eventText), bestEvidence));
        }
        if (isConversation(mail)) {
            // A reply in a thread or a post to a discussion list is not a person asking this recipient to connect.
            return Optional.empty();
        }
        boolean directSubject = Rx.any(profiles.generic().directSubject, mail.subject());
        boolean directBody = Rx.any(profiles.generic().directBody, head);
        if (directSubject || directBody) {
            return Optional.of(new Recognition(null, true, EventKind.INVITATION, List.of(new Reason("DIRECT_REQUEST", 1.0,
                    directSubject ? "subject asks to connect: " + mail.subject() : "the sender asks to connect"))));
        }
        return Optional.empty();
    }

    /** Recognition for a mail that only claims to come from the platform (spoof), to extract what it shows. */
    Recognition claimed(MailText mail, CompiledProfile platform) {
        String eventText = mail.subject() + "\n" + head(mail.text());
        return new Recognition(platform, false, event(platform, eventText), List.of());
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
        for (String marker : p.profile().headerMarkers()) {
            if (mail.hasHeader(marker.toLowerCase(java.util.Locale.ROOT))) {
                evidence.add(new Reason("PLATFORM_HEADER", 1.0, "header " + marker));
                break;
            }
        }
        if (Rx.any(p.identifying, mail.subject()) || Rx.any(p.identifying, head)) {
            evidence.add(new Reason("PLATFORM_WORDING", 1.0, "wording of a " + p.id() + " notice"));
        }
        if (!evidence.isEmpty() && mail.fromDomain() != null && Hosts.isReserved(mail.fromDomain())) {
            evidence.add(new Reason("ADDRESS_HIDDEN", 0.0, "sender address hidden by an archive: " + mail.fromDomain()));
        }
        return evidence;
    }

    private static boolean isConversation(MailText mail) {
        return mail.hasHeader("in-reply-to") || mail.hasHeader("list-post")
                || REPLY_PREFIX.matcher(mail.subject()).find();
    }

    private static EventKind event(CompiledProfile p, String text) {
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

    private static String head(String text) {
        return text.length() > EVENT_TEXT_CHARS ? text.substring(0, EVENT_TEXT_CHARS) : text;
    }
}
