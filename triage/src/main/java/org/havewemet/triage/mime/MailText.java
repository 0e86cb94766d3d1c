package org.havewemet.triage.mime;

import java.util.List;
import java.util.Map;

/**
 * What triage reads from a mail: decoded headers, the body text (plain, or derived from HTML), its links and the
 * attachments' names and types (never their content). Text is capped, so a huge mail yields a bounded object.
 *
 * @param subject       decoded subject with mailing-list tags like "[Ilugc]" removed
 * @param messageIdHost the part after '@' of the Message-ID, lower case, null if absent
 * @param headers       selected raw header values by lower-case name (list and bulk marks, platform markers)
 * @param problems      human-readable notes about malformed parts (empty when the mail parsed cleanly)
 * @param toName        display name of the first To address (the recipient's name, which notices repeat), may be null
 */
public record MailText(String fromName,
                       String fromAddress,
                       String fromDomain,
                       String replyTo,
                       String returnPathDomain,
                       String subject,
                       String messageId,
                       String messageIdHost,
                       Map<String, List<String>> headers,
                       String text,
                       boolean fromHtml,
                       List<Link> links,
                       List<Attachment> attachments,
                       List<String> problems,
                       String toName) {

    public MailText {
        headers = Map.copyOf(headers);
        links = List.copyOf(links);
        attachments = List.copyOf(attachments);
        problems = List.copyOf(problems);
        text = text == null ? "" : text;
        subject = subject == null ? "" : subject;
    }

    /** A link in the body with the words that introduce it (anchor text, or the text before it on its line). */
    public record Link(String url, String host, String context) {
    }

    /** An attachment as its headers describe it. */
    public record Attachment(String filename, String contentType) {
    }

    public List<String> header(String lowerCaseName) {
        return headers.getOrDefault(lowerCaseName, List.of());
    }

    public boolean hasHeader(String lowerCaseName) {
        return !header(lowerCaseName).isEmpty();
    }
}
