package org.havewemet.reply;

import java.util.Locale;

import org.havewemet.triage.Invitation;

import com.google.re2j.Pattern;

/**
 * The ledger key of an inviter: the lower-case reply address when there is one (so {@link ReplyLedger#erase}
 * by address finds it), else the inviter's own address, else the normalised profile link, else platform plus
 * invitation id or name. Null when the invitation names nobody.
 */
public final class InviterKeys {
    private static final Pattern SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern WWW = Pattern.compile("^www\\.");

    private InviterKeys() {
    }

    public static String of(Invitation invitation) {
        if (invitation == null) {
            return null;
        }
        if (invitation.replyAddress() != null && !invitation.replyAddress().isBlank()) {
            return lower(invitation.replyAddress());
        }
        if (invitation.inviter() != null) {
            if (invitation.inviter().email() != null && !invitation.inviter().email().isBlank()) {
                return lower(invitation.inviter().email());
            }
            String profile = normalizeProfile(invitation.inviter().profileUrl());
            if (profile != null) {
                return "profile:" + profile;
            }
        }
        String platform = invitation.platform() == null ? "unknown" : lower(invitation.platform());
        if (invitation.invitationId() != null && !invitation.invitationId().isBlank()) {
            return "invitation:" + platform + ":" + HeaderText.clean(invitation.invitationId());
        }
        if (invitation.inviter() != null && invitation.inviter().name() != null
                && !invitation.inviter().name().isBlank()) {
            return "name:" + platform + ":" + lower(invitation.inviter().name());
        }
        return null;
    }

    /** "https://www.LinkedIn.com/in/bob/?trk=x" becomes "linkedin.com/in/bob". */
    static String normalizeProfile(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = WWW.matcher(SCHEME.matcher(lower(url)).replaceFirst("")).replaceFirst("");
        int cut = u.length();
        for (char c : new char[] {'?', '#'}) {
            int i = u.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        u = u.substring(0, cut);
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.isEmpty() ? null : u;
    }

    private static String lower(String s) {
        return HeaderText.clean(s).toLowerCase(Locale.ROOT);
    }
}
