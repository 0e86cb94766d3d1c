package org.havewemet.triage.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.google.common.net.InternetDomainName;

/** Host name helpers: public-suffix aware registrable domains (Guava InternetDomainName). */
public final class Hosts {
    /** Hosts whose public-suffix answers are remembered; past this the memo starts over (attacker hosts churn). */
    static final int MEMO_LIMIT = 4_096;
    /**
     * The public-suffix answers by normalized host. Parsing a host and walking the suffix list costs microseconds
     * and a mail asks it many times for the same few hosts (every platform's sender domains against every host of
     * the mail): about 3% of a server's CPU per invitation went here. Pure function of the host, so a memo.
     */
    private static final Map<String, Suffix> MEMO = new ConcurrentHashMap<>();

    /** What the public suffix list says of one host; registrable null when there is none. */
    private record Suffix(boolean valid, boolean publicSuffix, String registrable) {
        static final Suffix INVALID = new Suffix(false, false, null);
    }

    private Hosts() {
    }

    public static String normalize(String host) {
        if (host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.isEmpty() ? null : h;
    }

    /** True when host equals one of the domains or is a subdomain of one. */
    public static boolean within(String host, List<String> domains) {
        String h = normalize(host);
        if (h == null) {
            return false;
        }
        for (String d : domains) {
            String dn = normalize(d);
            if (dn != null && (h.equals(dn) || h.endsWith("." + dn))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The domains normalized once, for {@link #withinNormalized}: a host matching repeatedly against the same list
     * (every link of every mail against every platform) then skips re-normalizing and concatenating each domain.
     */
    static String[] dottedNormalized(List<String> domains) {
        return domains.stream().map(Hosts::normalize).filter(d -> d != null).map(d -> "." + d).toArray(String[]::new);
    }

    /** {@link #within} for an already {@link #normalize normalized} host and {@link #dottedNormalized} domains. */
    static boolean withinNormalized(String normalizedHost, String[] dottedDomains) {
        if (normalizedHost == null) {
            return false;
        }
        for (String dotted : dottedDomains) {
            boolean sameHost = normalizedHost.length() == dotted.length() - 1
                    && dotted.regionMatches(1, normalizedHost, 0, normalizedHost.length());
            if (sameHost || normalizedHost.endsWith(dotted)) {
                return true;
            }
        }
        return false;
    }

    /** The registrable domain ("linnkedin.com" for "bounce.linnkedin.com"), when the host has a public suffix. */
    public static Optional<String> registrable(String host) {
        String h = normalize(host);
        return h == null ? Optional.empty() : Optional.ofNullable(suffix(h).registrable());
    }

    private static Suffix suffix(String normalized) {
        Suffix known = MEMO.get(normalized);
        if (known != null) {
            return known;
        }
        Suffix parsed = parse(normalized);
        if (MEMO.size() >= MEMO_LIMIT) {
            MEMO.clear();
        }
        MEMO.put(normalized, parsed);
        return parsed;
    }

    private static Suffix parse(String h) {
        if (!InternetDomainName.isValid(h)) {
            return Suffix.INVALID;
        }
        try {
            InternetDomainName name = InternetDomainName.from(h);
            if (name.isUnderPublicSuffix()) {
                return new Suffix(true, true, name.topPrivateDomain().toString());
            }
            // Not under a known public suffix (e.g. .test, .invalid, intranet names): take the last two labels.
            List<String> parts = name.parts();
            if (parts.size() >= 2 && !name.isPublicSuffix()) {
                return new Suffix(true, false, parts.get(parts.size() - 2) + "." + parts.get(parts.size() - 1));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Suffix.INVALID;
        }
        return new Suffix(true, false, null);
    }

    /** The registrable domain without its public suffix: "linnkedin" for "bounce.linnkedin.com". */
    public static Optional<String> label(String host) {
        return registrable(host).map(r -> {
            int dot = r.indexOf('.');
            return dot < 0 ? r : r.substring(0, dot);
        });
    }

    /** True when the host ends in a public suffix (or the reserved .test), so that it can be a real domain. */
    public static boolean hasPublicSuffix(String host) {
        String h = normalize(host);
        if (h == null) {
            return false;
        }
        Suffix suffix = suffix(h);
        return suffix.valid() && (h.endsWith(".test") || suffix.publicSuffix());
    }

    /** True for an IP literal ("192.0.2.7", "[2001:db8::1]"): a notice's links never name a bare address. */
    public static boolean isIpLiteral(String host) {
        String h = normalize(host);
        if (h == null || h.isEmpty()) {
            return false;
        }
        if (h.startsWith("[") || h.indexOf(':') >= 0) {
            return true;
        }
        int dots = 0;
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return dots == 3;
    }

    /** True when the host has a punycode label ("xn--"): how lookalike Unicode domains travel. */
    public static boolean isPunycode(String host) {
        String h = normalize(host);
        return h != null && (h.startsWith("xn--") || h.contains(".xn--"));
    }

    /** True when host is one of the domains or a subdomain of one (domains given lower case). */
    public static boolean withinAny(String host, List<String> domains) {
        return within(host, domains);
    }

    /** RFC 2606 reserved names that cannot be a real sender (archives use them to hide addresses). */
    public static boolean isReserved(String host) {
        String h = normalize(host);
        return h != null && (h.endsWith(".invalid") || h.equals("invalid") || h.endsWith(".example") || h.endsWith(".localhost"));
    }
}
