package org.havewemet.triage;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Rx;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Small facts of a notice: accept and profile links, invitation id, connection counts, company from headline. */
final class InvitationFacts {
    private static final Pattern ACCEPT_CONTEXT = Pattern.compile(
            "(?i)\\b(accept|confirm|join|sign up|aceptar|confirma|accepter|annehmen|aceitar|accetta|accepteren|terima|konfirmasi)\\b");
    private static final Pattern PROFILE_CONTEXT = Pattern.compile("(?i)\\b(profile|perfil|profil|profilo|profiel)\\b");
    private static final Pattern PROFILE_URL = Pattern.compile("(?i)/(in|pub|profile/view|rsn|vpn|profile)/");
    private static final Pattern HEADLINE_COMPANY = Pattern.compile(
            "(?i)\\s(?:at|en|bei|chez|na|no|presso|bij|di|w|@)\\s+(.+)$");

    private InvitationFacts() {
    }

    static String acceptUrl(MailText mail, CompiledProfile platform) {
        if (platform != null) {
            for (MailText.Link l : mail.links()) {
                if (platform.isPlatformHost(l.host()) && Rx.any(platform.acceptLinks, l.url())) {
                    return l.url();
                }
            }
        }
        for (MailText.Link l : mail.links()) {
            if (l.context() != null && l.context().length() <= 100 && ACCEPT_CONTEXT.matcher(l.context()).find()) {
                return l.url();
            }
        }
        return null;
    }

    /** The inviter's profile: a link introduced as a profile or by the inviter's name first, then by its URL shape. */
    static String profileUrl(MailText mail, CompiledProfile platform, String inviterName) {
        String name = inviterName == null ? null : inviterName.toLowerCase(Locale.ROOT);
        for (MailText.Link l : mail.links()) {
            boolean ours = platform == null || platform.isPlatformHost(l.host());
            String context = l.context() == null || l.context().length() > 100 ? "" : l.context();
            boolean introduced = PROFILE_CONTEXT.matcher(context).find()
                    || (name != null && !name.isBlank() && context.toLowerCase(Locale.ROOT).contains(name));
            if (ours && introduced) {
                return l.url();
            }
        }
        for (MailText.Link l : mail.links()) {
            if ((platform == null || platform.isPlatformHost(l.host())) && PROFILE_URL.matcher(l.url()).find()) {
                return l.url();
            }
        }
        return null;
    }

    static String invitationId(MailText mail, CompiledProfile platform, String acceptUrl) {
        if (platform == null) {
            return null;
        }
        return Rx.group(platform.invitationIds, acceptUrl, "id")
                .or(() -> Rx.group(platform.invitationIds, head(mail.text()), "id")).orElse(null);
    }

    static Integer count(MailText mail, List<Pattern> patterns) {
        Optional<String> n = Rx.group(patterns, head(mail.text()), "n");
        try {
            return n.map(v -> Integer.parseInt(digits(v))).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String digits(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    private static String head(String text) {
        return text.length() > 64 * 1024 ? text.substring(0, 64 * 1024) : text;
    }

    static String company(String headline) {
        if (headline == null) {
            return null;
        }
        Matcher m = HEADLINE_COMPANY.matcher(headline);
        return m.find() ? m.group(1).strip() : null;
    }
}
