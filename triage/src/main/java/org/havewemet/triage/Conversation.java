package org.havewemet.triage;

import java.util.Locale;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.Rx;

/**
 * Mail that belongs to a conversation rather than asking this recipient to connect: a reply or forward (subject
 * prefix in any language), a post to a discussion list, a mail that quotes an original. The invitee's own reply to an
 * invitation quotes the notice's words and would otherwise look like one.
 */
final class Conversation {
    private static final int QUOTE_SCAN_LINES = 400;

    private Conversation() {
    }

    /** A reply or forward by subject prefix. */
    static boolean isReplySubject(MailText mail, CompiledGeneric generic) {
        return Rx.any(generic.replyPrefixes, mail.subject());
    }

    /** In a thread or on a discussion list (the old, platform-independent test). */
    static boolean isConversation(MailText mail, CompiledGeneric generic) {
        return mail.hasHeader("in-reply-to") || mail.hasHeader("list-post") || isReplySubject(mail, generic)
            || isDigest(mail);
    }

    /** A list digest carries many people's messages; an invitation inside one was sent to the list, not to us. */
    static boolean isDigest(MailText mail) {
        String subject = mail.subject().toLowerCase(Locale.ROOT);
        return mail.hasHeader("list-id") && (subject.contains(" digest") || subject.startsWith("digest"));
    }

    /** A reply that carries the original: In-Reply-To or References, or a quote introduction or quoted lines. */
    static boolean isReplyWithOriginal(MailText mail, CompiledGeneric generic) {
        if (!isReplySubject(mail, generic)) {
            return false;
        }
        if (mail.hasHeader("in-reply-to") || mail.hasHeader("references")) {
            return true;
        }
        String text = mail.text();
        int lines = 0;
        int quoted = 0;
        int start = 0;
        while (start < text.length() && lines < QUOTE_SCAN_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (line.startsWith(">")) {
                quoted++;
            } else if (Rx.any(generic.quoteIntros, line)) {
                return true;
            }
            lines++;
            start = end + 1;
        }
        return quoted >= 2;
    }
}
