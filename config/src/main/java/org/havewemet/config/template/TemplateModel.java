package org.havewemet.config.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a template can show. Every value is plain data: it is inserted as text, never compiled as a template,
 * so an inviter who writes {@code {{recipient.address}}} in a note gets exactly that text back. Null values render
 * as empty text. Placeholders: {@code recipient.name}, {@code recipient.address}, {@code inviter.name},
 * {@code inviter.headline}, {@code inviter.company}, {@code inviter.profileUrl}, {@code inviter.email},
 * {@code platform}, {@code note}, {@code date}; for the digest also {@code invitations} (a list of items with
 * {@code inviter.*}, {@code platform}, {@code note}, {@code date}, {@code verdict}, {@code folder}),
 * {@code count}, {@code period} and {@code sharedCount} (invitations to shared role or group addresses, filed quietly
 * and counted apart; empty text when there are none).
 */
public record TemplateModel(Person recipient, InviterInfo inviter, String platform, String note, String date,
                            List<DigestItem> invitations, String period, int sharedCount) {

    /** The local user the mail is about. */
    public record Person(String name, String address) {
    }

    /** What is known of the inviter; any field may be null. */
    public record InviterInfo(String name, String headline, String company, String profileUrl, String email) {
        public static final InviterInfo UNKNOWN = new InviterInfo(null, null, null, null, null);
    }

    /** One invitation in a digest. */
    public record DigestItem(InviterInfo inviter, String platform, String note, String date, String verdict,
                             String folder) {
    }

    public TemplateModel {
        recipient = recipient == null ? new Person(null, null) : recipient;
        inviter = inviter == null ? InviterInfo.UNKNOWN : inviter;
        invitations = invitations == null ? List.of() : List.copyOf(invitations);
    }

    /** The model of a reply, draft or thank-you about one invitation. */
    public static TemplateModel of(Person recipient, InviterInfo inviter, String platform, String note, String date) {
        return new TemplateModel(recipient, inviter, platform, note, date, List.of(), null, 0);
    }

    /** The model of a digest. */
    public static TemplateModel digest(Person recipient, List<DigestItem> invitations, String period, String date) {
        return digest(recipient, invitations, period, date, 0);
    }

    /** The model of a digest that also counts, apart from the listed ones, invitations to shared addresses. */
    public static TemplateModel digest(Person recipient, List<DigestItem> invitations, String period, String date,
                                       int sharedCount) {
        return new TemplateModel(recipient, InviterInfo.UNKNOWN, null, null, date, invitations, period, sharedCount);
    }

    /**
     * The Mustache context: nested maps holding every placeholder (missing values as empty text), each value cleaned
     * of control characters other than newline and tab, and of bidirectional overrides that could disguise text.
     */
    Map<String, Object> toContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("recipient", Map.of("name", clean(recipient.name()), "address", clean(recipient.address())));
        context.put("inviter", inviterContext(inviter));
        context.put("platform", clean(platform));
        context.put("note", clean(note));
        context.put("date", clean(date));
        context.put("invitations", invitations.stream().map(TemplateModel::itemContext).toList());
        context.put("count", invitations.size());
        context.put("period", clean(period));
        // Text, empty for none: a Mustache section {{#sharedCount}} then shows only when there are some.
        context.put("sharedCount", sharedCount > 0 ? Integer.toString(sharedCount) : "");
        return context;
    }

    private static Map<String, Object> inviterContext(InviterInfo inviter) {
        InviterInfo known = inviter == null ? InviterInfo.UNKNOWN : inviter;
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", clean(known.name()));
        map.put("headline", clean(known.headline()));
        map.put("company", clean(known.company()));
        map.put("profileUrl", clean(known.profileUrl()));
        map.put("email", clean(known.email()));
        return map;
    }

    private static Map<String, Object> itemContext(DigestItem item) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("inviter", inviterContext(item.inviter()));
        map.put("platform", clean(item.platform()));
        map.put("note", clean(item.note()));
        map.put("date", clean(item.date()));
        map.put("verdict", clean(item.verdict()));
        map.put("folder", clean(item.folder()));
        return map;
    }

    /** Removes what has no business in a text/plain mail: control characters (but newline and tab) and bidi tricks. */
    static String clean(String value) {
        if (value == null) {
            return "";
        }
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (!control && !bidi) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
