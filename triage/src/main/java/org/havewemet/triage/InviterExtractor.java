package org.havewemet.triage;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.BrandNames;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

import java.util.Optional;

/** Finds the inviter's name: display name (platform suffixes removed), then platform and generic wording. */
final class InviterExtractor {
    private final PlatformProfiles profiles;

    InviterExtractor(PlatformProfiles profiles) {
        this.profiles = profiles;
    }

    private static final int SEARCH_CHARS = 32 * 1024;

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

    private Optional<String> fromDisplayName(String display, CompiledProfile platform) {
        if (display == null || display.isBlank()) {
            return Optional.empty();
        }
        String name = display.strip().replaceAll("^[\"']+|[\"']+$", "").strip();
        if (platform != null) {
            for (var p : platform.displayNameStrip) {
                name = p.matcher(name).replaceAll("").strip();
            }
        }
        if (name.isEmpty() || name.matches(".*\\S+@\\S+\\.\\S+.*") || claimsBrand(name)) {
            return Optional.empty();
        }
        return Optional.of(name.replaceAll("\\s+", " "));
    }

    private boolean claimsBrand(String name) {
        return profiles.platforms().stream().anyMatch(p -> BrandNames.claims(name, p.brandNamesLower));
    }

    private static Optional<String> clean(Optional<String> raw) {
        return raw.map(n -> n.replaceAll("\\s+", " ").replaceAll("^[\"'\\s]+|[\"'\\s:,.!]+$", "").strip())
                .filter(n -> !n.isEmpty() && n.length() <= 80 && !n.contains("http") && !n.contains("@"));
    }
}
