package org.havewemet.reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * Finds the ledger entry an incoming mail answers, by In-Reply-To first, then References (newest first). Automatic
 * mail (out-of-office, bounces, other responders) is never taken for the inviter's answer.
 */
public final class AnswerMatcher {
    private final LedgerStore ledger;

    public AnswerMatcher(LedgerStore ledger) {
        this.ledger = ledger;
    }

    /** The entry answered by this mail; empty when it answers none of our replies or is automatic. */
    public Optional<LedgerEntry> match(MimeMessage message) {
        try {
            if (isAutomatic(message)) {
                return Optional.empty();
            }
            List<String> candidates = new ArrayList<>();
            for (String value : HeaderRules.values(message, "In-Reply-To")) {
                candidates.addAll(MessageIds.parseAll(value));
            }
            List<String> references = new ArrayList<>();
            for (String value : HeaderRules.values(message, "References")) {
                references.addAll(MessageIds.parseAll(value));
            }
            Collections.reverse(references);
            candidates.addAll(references);
            for (String id : candidates) {
                Optional<LedgerEntry> entry = ledger.findByReplyMessageId(id);
                if (entry.isPresent()) {
                    return entry;
                }
            }
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Out-of-office and other responders: Auto-Submitted other than "no", Precedence, X-Autoreply and kin. */
    public static boolean isAutomatic(MimeMessage message) throws MessagingException {
        return HeaderRules.autoSubmitted(message).isPresent()
                || HeaderRules.precedence(message).isPresent()
                || message.getHeader("X-Autoreply") != null
                || message.getHeader("X-Autorespond") != null
                || message.getHeader("X-Auto-Reply") != null;
    }
}
