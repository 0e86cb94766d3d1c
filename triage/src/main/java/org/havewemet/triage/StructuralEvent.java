package org.havewemet.triage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledMarks;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Rx;

/**
 * The event a notice is about, read from its machine-readable marks alone: template and class headers, the sender's
 * local part on a platform domain, and the shapes of its links to the platform. These do not change with the
 * recipient's language, so they decide first; wording only decides when no mark does.
 */
final class StructuralEvent {
    private static final int MAX_LINKS = 200;

    /** The event and the mark that told it. */
    record Marked(EventKind event, Reason evidence) {
    }

    private StructuralEvent() {
    }

    static Optional<Marked> of(MailText mail, CompiledProfile p) {
        List<EventKind> order = List.of(EventKind.ACCEPTED, EventKind.REMINDER, EventKind.INVITATION, EventKind.OTHER);
        for (EventKind kind : order) {
            Optional<String> header = header(mail, marks(p, kind));
            if (header.isPresent()) {
                return Optional.of(marked(kind, "header " + header.get()));
            }
        }
        String local = platformLocalPart(mail, p);
        if (local != null) {
            for (EventKind kind : order) {
                if (Rx.any(marks(p, kind).senders, local)) {
                    return Optional.of(marked(kind, "sender " + mail.fromAddress()));
                }
            }
        }
        for (EventKind kind : order) {
            Optional<String> url = url(mail, p, marks(p, kind));
            if (url.isPresent()) {
                return Optional.of(marked(kind, "link " + shorten(url.get())));
            }
        }
        return Optional.empty();
    }

    /** True when some header mark of any event of the platform is present: a structural sign of the platform. */
    static Optional<String> anyHeader(MailText mail, CompiledProfile p) {
        for (EventKind kind : List.of(EventKind.ACCEPTED, EventKind.REMINDER, EventKind.INVITATION, EventKind.OTHER)) {
            Optional<String> h = header(mail, marks(p, kind));
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    private static Marked marked(EventKind kind, String what) {
        return new Marked(kind, new Reason("PLATFORM_MARK", 1.0,
            what + " marks a " + kind.name().toLowerCase(Locale.ROOT) + " notice"));
    }

    private static CompiledMarks marks(CompiledProfile p, EventKind kind) {
        return switch (kind) {
            case ACCEPTED -> p.acceptedMarks;
            case REMINDER -> p.reminderMarks;
            case INVITATION -> p.invitationMarks;
            default -> p.otherMarks;
        };
    }

    private static Optional<String> header(MailText mail, CompiledMarks marks) {
        for (CompiledMarks.HeaderMark mark : marks.headers) {
            for (String value : mail.header(mark.name())) {
                if (mark.value().matcher(value).find()) {
                    return Optional.of(mark.name() + ": " + value.strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String platformLocalPart(MailText mail, CompiledProfile p) {
        String from = mail.fromAddress();
        if (from == null || mail.fromDomain() == null || !p.isSenderDomain(mail.fromDomain())) {
            return null;
        }
        int at = from.lastIndexOf('@');
        return at <= 0 ? null : from.substring(0, at).toLowerCase(Locale.ROOT);
    }

    private static Optional<String> url(MailText mail, CompiledProfile p, CompiledMarks marks) {
        if (marks.urls.isEmpty()) {
            return Optional.empty();
        }
        int seen = 0;
        for (MailText.Link link : mail.links()) {
            if (++seen > MAX_LINKS) {
                break;
            }
            if (link.host() != null && p.isPlatformHost(link.host()) && Rx.any(marks.urls, link.url())) {
                return Optional.of(link.url());
            }
        }
        return Optional.empty();
    }

    private static String shorten(String url) {
        int query = url.indexOf('?');
        String s = query < 0 ? url : url.substring(0, query);
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
