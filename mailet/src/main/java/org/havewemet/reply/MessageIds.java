package org.havewemet.reply;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Parsing, normalising and minting RFC 5322 msg-ids ("&lt;left@right&gt;"). */
public final class MessageIds {
    /** A msg-id with no blanks, brackets or quotes inside; anything else in a header is ignored. */
    private static final Pattern MSG_ID = Pattern.compile("<([^<>\\s\\x0B\"]+@[^<>\\s\\x0B\"]+)>");
    private static final Pattern BARE_ID = Pattern.compile("[^<>\\s\\x0B\"]+@[^<>\\s\\x0B\"]+");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]+");
    /** RFC 5322 3.6.4 lets a responder trim References; we keep the first and the newest ones. */
    static final int MAX_REFERENCES = 20;

    private MessageIds() {
    }

    /** All msg-ids of a header value (In-Reply-To, References), in order, each as "&lt;id&gt;". */
    public static List<String> parseAll(String headerValue) {
        List<String> ids = new ArrayList<>();
        if (headerValue == null) {
            return ids;
        }
        Matcher m = MSG_ID.matcher(HeaderText.clean(headerValue));
        while (m.find()) {
            ids.add("<" + m.group(1) + ">");
        }
        return ids;
    }

    /** One msg-id, with or without angle brackets, normalised to "&lt;id&gt;"; empty when it is not a msg-id. */
    public static Optional<String> normalize(String messageId) {
        String clean = HeaderText.clean(messageId);
        List<String> ids = parseAll(clean);
        if (!ids.isEmpty()) {
            return Optional.of(ids.get(0));
        }
        if (BARE_ID.matcher(clean).matches()) {
            return Optional.of("<" + clean + ">");
        }
        return Optional.empty();
    }

    /** A new globally unique msg-id under the given domain. */
    public static String mint(String domain, Clock clock) {
        String right = domain == null || !DOMAIN.matcher(domain).matches() ? "havewemet.invalid" : domain;
        String left = Long.toString(clock.millis(), 36) + "." + UUID.randomUUID().toString().replace("-", "");
        return "<havewemet." + left + "@" + right + ">";
    }

    /** The References of a reply: the original's references plus its msg-id, trimmed to a sane length. */
    static List<String> referencesFor(String originalReferences, String originalMessageId) {
        List<String> refs = new ArrayList<>(parseAll(originalReferences));
        normalize(originalMessageId).ifPresent(id -> {
            refs.remove(id);
            refs.add(id);
        });
        if (refs.size() > MAX_REFERENCES) {
            List<String> trimmed = new ArrayList<>();
            trimmed.add(refs.get(0));
            trimmed.addAll(refs.subList(refs.size() - (MAX_REFERENCES - 1), refs.size()));
            return trimmed;
        }
        return refs;
    }
}
