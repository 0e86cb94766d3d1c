package org.havewemet.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.Rx;

import com.google.re2j.Pattern;

/**
 * An invitation told by its structure alone, in a language no wording rule knows: independent signs of a service's
 * notice that one person asks to connect, each with a weight, against signs of a digest or a newsletter. The signs:
 * a link whose path or query carries an invitation (weight 2) or else names accepting, joining, adding or following
 * (1.5), an accept and a decline link (2), a service sender (1), a person's name in the subject or the sender's name
 * (1), a campaign's headers (List-Unsubscribe, Feedback-ID, X-Campaign: 0.5). A mail must carry one of the link signs
 * and reach {@link #THRESHOLD}: sender and headers alone are every newsletter's. A newsletter's sender, many
 * invitation links (a "people you may know" digest) or a generic "not an invitation" mark rule it out.
 */
final class StructuralInvitation {
    static final double THRESHOLD = 3.0;
    private static final int MAX_LINKS = 100;
    /** More distinct invitation links than this: a digest listing many people, not one person's request. */
    private static final int MAX_INVITE_LINKS = 2;

    private static final Pattern PERSON = Pattern.compile(
        "(?:^|[^\\p{L}])\\p{Lu}\\p{Ll}+(?:[- ]\\p{Lu}\\p{Ll}+)+|[\\p{Han}\\p{Hangul}]{2,4}");

    private static final Pattern BULK_SENDER = Pattern.compile("^(news|newsletters?|marketing|promo|promotions?|digest|offers?|deals)\\b");
    private static final Pattern ACTION_IN_URL = Pattern.compile(
        "(accept|confirm|approve|join|signup|sign_up|register|add_?friend|addfriend|follow|friend|invit|request|connect)");
    private static final Pattern ANSWER_IN_QUERY = Pattern.compile("(invit|accept|confirm|approve)");
    private static final Pattern SETTINGS_URL = Pattern.compile(
        "(unsub|opt-?out|settings|preferences|prefs|/account/notif|/notifications|privacy|/help|/legal|/terms)");
    private static final Pattern DOTS = Pattern.compile("\\.");

    private StructuralInvitation() {
    }

    /** A sentence saying which signs were counted, when they reach the threshold; empty otherwise. */
    static Optional<String> score(MailText mail, CompiledGeneric generic) {
        String local = localPart(mail);
        if (local != null && BULK_SENDER.matcher(local).find()) {
            // A newsletter's or a marketing sender: it invites everyone, not one person asking.
            return Optional.empty();
        }
        Set<String> inviteUrls = new HashSet<>();
        boolean action = false;
        boolean accept = false;
        boolean decline = false;
        int seen = 0;
        for (MailText.Link link : mail.links()) {
            if (++seen > MAX_LINKS) {
                break;
            }
            if (Rx.any(generic.notInvitation, link.url())) {
                return Optional.empty();
            }
            int query = link.url().indexOf('?');
            if (Rx.any(generic.inviteLinks, link.url())) {
                inviteUrls.add(query < 0 ? link.url() : link.url().substring(0, query));
            }
            action |= actionLink(link);
            String context = link.context() == null || link.context().length() > 120 ? "" : link.context().strip();
            accept |= Rx.any(generic.acceptWords, context);
            decline |= Rx.any(generic.declineWords, context);
        }
        if (inviteUrls.size() > MAX_INVITE_LINKS) {
            return Optional.empty();
        }
        String head = mail.subject() + "\n" + mail.text().substring(0, Math.min(8192, mail.text().length()));
        if (Rx.any(generic.notInvitation, head)) {
            return Optional.empty();
        }
        double score = 0;
        List<String> signs = new ArrayList<>();
        if (!inviteUrls.isEmpty()) {
            score += 2;
            signs.add("an invitation link");
        } else if (action) {
            score += 1.5;
            signs.add("an action link (accept, join, add, follow)");
        }
        if (accept && decline) {
            score += 2;
            signs.add("an accept and a decline link");
        }
        if (score == 0) {
            return Optional.empty();
        }
        if (serviceSender(mail, generic, local)) {
            score += 1;
            signs.add("a service sender " + mail.fromAddress());
        }
        if (namesAPerson(mail)) {
            score += 1;
            signs.add("a person named");
        }
        if (mail.hasHeader("list-unsubscribe") || mail.hasHeader("feedback-id") || mail.hasHeader("x-campaign")
                || mail.hasHeader("x-campaign-type")) {
            score += 0.5;
            signs.add("a campaign's headers");
        }
        return score >= THRESHOLD
            ? Optional.of("the structure of a service's invitation (" + String.join(", ", signs) + ")") : Optional.empty();
    }

    /** A link to the service whose path or query names the act of accepting, joining, adding or following. */
    private static boolean actionLink(MailText.Link link) {
        String url = link.url().toLowerCase(Locale.ROOT);
        int scheme = url.indexOf("://");
        int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        // "?unsub=follow" or the notification settings name an act too, but are the footer's, not the request's.
        // In the query only the acts of answering a request count: "tracking_source=follow_notification" is a tag.
        if (path < 0 || SETTINGS_URL.matcher(url).find()) {
            return false;
        }
        int query = url.indexOf('?', path);
        String pathPart = query < 0 ? url.substring(path) : url.substring(path, query);
        return ACTION_IN_URL.matcher(pathPart).find() || (query >= 0 && ANSWER_IN_QUERY.matcher(url.substring(query)).find());
    }

    private static String localPart(MailText mail) {
        String from = mail.fromAddress();
        return from == null || from.lastIndexOf('@') <= 0 ? null
            : from.substring(0, from.lastIndexOf('@')).toLowerCase(Locale.ROOT);
    }

    /** Two capitalised words in a row (a person's name) in the subject or the sender's name, or a CJK name. */
    private static boolean namesAPerson(MailText mail) {
        String display = mail.fromName() == null ? "" : mail.fromName();
        String lower = display.toLowerCase(Locale.ROOT);
        String domain = mail.fromDomain() == null ? "" : mail.fromDomain().toLowerCase(Locale.ROOT);
        for (String part : DOTS.split(domain)) {
            if (part.length() >= 4 && lower.contains(part)) {
                // "Mailforge Team" of mailforge.example.com is the service speaking, not a person.
                display = "";
                break;
            }
        }
        return PERSON.matcher(mail.subject()).find() || PERSON.matcher(display).find();
    }

    /** A service address (noreply@, invitations@, friends@...) or the service's own name as local part. */
    private static boolean serviceSender(MailText mail, CompiledGeneric generic, String local) {
        if (local == null || mail.fromDomain() == null || Hosts.isReserved(mail.fromDomain())
                || generic.freeMailDomains.contains(mail.fromDomain().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return Rx.any(generic.serviceSenders, local) || Hosts.label(mail.fromDomain()).filter(local::equals).isPresent();
    }
}
