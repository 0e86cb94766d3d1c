package org.havewemet.triage;

import java.util.List;
import java.util.Optional;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.BrandNames;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

import com.google.re2j.Pattern;

/** Finds the inviter's name: display name (platform suffixes removed), then platform and generic wording. */
final class InviterExtractor {
    private final PlatformProfiles profiles;

    InviterExtractor(PlatformProfiles profiles) {
        this.profiles = profiles;
    }

    private static final int SEARCH_CHARS = 32 * 1024;
    /** What a name pattern may capture that is no one's name ("Your friend invites you"). */
    private static final List<Pattern> NOT_A_NAME = Rx.compile("inviter", List.of(
        "^(your|a|my|an?other) (friend|contact|colleague|member)s?$", "^(someone|somebody|people|a member|friends|we|you|they)$",
        "^(tu|un|una|ton|votre|ein|eine|dein|ihr|il tuo|un tuo|seu|sua|je|uw) (amig[oa]|ami|amie|freund|freundin|kontakt|contatto|contato|vriend)$",
        "\\b(at|en|chez) \\S+\\.(com|net|org)\\b", "\\.(com|net|org|de|es|fr)$"));

    String name(MailText mail, CompiledProfile platform) {
        String text = mail.text().length() > SEARCH_CHARS ? mail.text().substring(0, SEARCH_CHARS) : mail.text();
        Optional<String> display = fromDisplayName(mail.fromName(), platform);
        if (display.isPresent()) {
            return display.get();
        }
        if (platform != null) {
            Optional<String> found = clean(Rx.group(platform.names, mail.subject(), "name"))
                    .or(() -> clean(Rx.group(platform.names, text, "name")));
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<String> generic = clean(Rx.group(profiles.generic().names, mail.subject(), "name"))
                .or(() -> clean(Rx.group(profiles.generic().names, text, "name")));
        if (generic.isPresent()) {
            return generic.get();
        }
        if (platform == null && mail.fromAddress() != null) {
            return mail.fromAddress().substring(0, Math.max(0, mail.fromAddress().indexOf('@')));
        }
        return null;
    }

    /** A network no profile lists: its wording names the inviter first; the display name is often the service's. */
    String unlistedName(MailText mail) {
        String text = mail.text().length() > SEARCH_CHARS ? mail.text().substring(0, SEARCH_CHARS) : mail.text();
        CompiledProfile other = profiles.generic().unlisted;
        Optional<String> worded = clean(Rx.group(other.names, mail.subject(), "name"))
                .or(() -> clean(Rx.group(other.names, text, "name")))
                .filter(n -> !Rx.any(NOT_A_NAME, n));
        if (worded.isPresent()) {
            return worded.get();
        }
        Optional<String> display = fromDisplayName(mail.fromName(), null);
        if (display.isPresent() && !Rx.any(NOT_A_NAME, display.get())) {
            return display.get();
        }
        return null;
    }

    private Optional<String> fromDisplayName(String display, CompiledProfile platform) {
        if (display == null || display.isBlank()) {
            return Optional.empty();
        }
        String name = trimQuotes(display.strip());
        if (platform != null) {
            for (var p : platform.displayNameStrip) {
                name = p.matcher(name).replaceAll("").strip();
            }
        }
        if (name.isEmpty() || Rx.any(ADDRESS, name) || claimsBrand(name)) {
            return Optional.empty();
        }
        return Optional.of(collapseSpaces(name));
    }

    private static final List<Pattern> ADDRESS = Rx.compile("inviter", List.of("\\S+@\\S+\\.\\S+"));

    private static String collapseSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String trimQuotes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '"' || s.charAt(end - 1) == '\'')) {
            end--;
        }
        return s.substring(start, end).strip();
    }

    /** Quotes and spaces off the start, quotes, spaces and ":,.!" off the end. */
    private static String trimEnds(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && "\"' ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && "\"' :,.!".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end).strip();
    }

    private boolean claimsBrand(String name) {
        BrandNames.Name split = BrandNames.Name.of(name);
        return profiles.platforms().stream().anyMatch(p -> BrandNames.claims(split, p.brands));
    }

    private static Optional<String> clean(Optional<String> raw) {
        return raw.map(n -> trimEnds(collapseSpaces(n)))
                .filter(n -> !n.isEmpty() && n.length() <= 80 && !n.contains("http") && !n.contains("@"));
    }
}
