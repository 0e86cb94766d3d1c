package org.havewemet.reply;

import java.util.Set;

import javax.mail.internet.MimeMessage;

import org.havewemet.triage.Invitation;
import org.havewemet.triage.Verdict;

/**
 * Everything the policy looks at for one mail and one local recipient.
 *
 * @param message        the mail as received (only headers are read)
 * @param envelopeSender the SMTP reverse path, null (or empty) for the null sender
 * @param user           the local recipient's address
 * @param userAliases    other addresses of the same user (may be empty)
 * @param verdict        triage's verdict for this user
 * @param invitation     triage's invitation, null when none
 * @param settings       the reply settings
 * @param automatic      what the mail server's own detection says (James' AutomaticallySentMailDetector), null when
 *                       it found nothing or was not asked
 * @param quiet          why this delivery is filed quietly whatever its verdict (a shared role or group address, a
 *                       mass inviter), null when it is not
 */
public record ReplyContext(MimeMessage message, String envelopeSender, String user, Set<String> userAliases,
                           Verdict verdict, Invitation invitation, ReplySettings settings, AutomaticVerdict automatic,
                           ReasonCode quiet) {
    public ReplyContext {
        userAliases = userAliases == null ? Set.of() : Set.copyOf(userAliases);
        settings = settings == null ? ReplySettings.defaults() : settings;
    }

    public ReplyContext(MimeMessage message, String envelopeSender, String user, Set<String> userAliases,
                        Verdict verdict, Invitation invitation, ReplySettings settings, AutomaticVerdict automatic) {
        this(message, envelopeSender, user, userAliases, verdict, invitation, settings, automatic, null);
    }

    public ReplyContext(MimeMessage message, String envelopeSender, String user, Set<String> userAliases,
                        Verdict verdict, Invitation invitation, ReplySettings settings) {
        this(message, envelopeSender, user, userAliases, verdict, invitation, settings, null, null);
    }

    /** The same context for a delivery filed quietly for this reason. */
    public ReplyContext quietly(ReasonCode reason) {
        return new ReplyContext(message, envelopeSender, user, userAliases, verdict, invitation, settings, automatic,
            reason);
    }

    /** The mail server's verdict that a mail was sent automatically, with the reason code it maps to. */
    public record AutomaticVerdict(ReasonCode code, String detail) {
    }
}
