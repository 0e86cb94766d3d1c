package org.havewemet.triage.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Does a display name speak for a platform ("LinkedIn", "LinkedIn Invitations", "Anna via LinkedIn")? A person's
 * name that merely contains a short brand token ("VK Sharma") does not.
 */
public final class BrandNames {
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}+]+");
    private static final Set<String> NOTICE_WORDS = Set.of("invitations", "invitation", "invites", "notifications",
            "notification", "team", "updates", "update", "security", "support", "bulletin", "messages", "message", "mail",
            "alerts", "alert", "service", "services", "news", "newsletter", "info", "account", "accounts", "network",
            "connect", "connections", "official", "admin", "administration", "noreply", "no", "reply", "the", "from",
            "hq", "help", "desk", "center", "centre", "care", "customer", "verification", "billing", "safety", "trust", "helpdesk", "member", "members", "premium", "jobs", "business", "profile", "corporation", "inc", "mailer");
    private static final Pattern ON_BEHALF = Pattern.compile(
            "(?i)((?:^|[^\\p{L}])(?:via|par|über|through)|a trav[ée]s de|por meio do|tramite|\\()\\s*");

    private BrandNames() {
    }

    /** True when the display name is the brand, the brand with notice words, or "someone via brand". */
    public static boolean claims(String displayName, List<String> brandsLower) {
        if (displayName == null || displayName.isBlank()) {
            return false;
        }
        String lower = displayName.toLowerCase(Locale.ROOT);
        List<String> tokens = Arrays.stream(SEPARATORS.split(lower)).filter(t -> !t.isEmpty()).toList();
        for (String brand : brandsLower) {
            List<String> brandTokens = Arrays.stream(SEPARATORS.split(brand)).filter(t -> !t.isEmpty()).toList();
            if (brandTokens.isEmpty() || !containsSequence(tokens, brandTokens)) {
                continue;
            }
            if (tokens.stream().allMatch(t -> brandTokens.contains(t) || NOTICE_WORDS.contains(t))) {
                return true;
            }
            Matcher m = ON_BEHALF.matcher(lower);
            while (m.find()) {
                if (lower.substring(m.end()).startsWith(brand)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsSequence(List<String> tokens, List<String> seq) {
        for (int i = 0; i + seq.size() <= tokens.size(); i++) {
            if (tokens.subList(i, i + seq.size()).equals(seq)) {
                return true;
            }
        }
        return false;
    }
}
