package org.havewemet.mailet;

import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.AutomaticallySentMailDetector;
import org.havewemet.reply.ReasonCode;
import org.havewemet.reply.ReplyContext.AutomaticVerdict;

/**
 * James' own answer to "was this mail sent automatically?" ({@link AutomaticallySentMailDetector}, the one its
 * vacation and notification mailets use), as a reply policy verdict. The policy applies its stricter rules first, so
 * their documented reason codes stay; this adds whatever James knows on top. Public so that the through-the-server
 * integration test predicts the server's reply decision with the same rule.
 */
public final class JamesAutomaticMail {
    private JamesAutomaticMail() {
    }

    /** Null when James sees a person's mail (or cannot tell). */
    public static AutomaticVerdict verdict(AutomaticallySentMailDetector detector, Mail mail) {
        if (detector == null) {
            return null;
        }
        try {
            if (!mail.hasSender()) {
                return new AutomaticVerdict(ReasonCode.NULL_SENDER, "James: null reverse path");
            }
            if (detector.isMailingList(mail)) {
                return new AutomaticVerdict(ReasonCode.LIST_MAIL, "James: mailing list");
            }
            if (detector.isAutoSubmitted(mail)) {
                return new AutomaticVerdict(ReasonCode.AUTO_SUBMITTED, "James: Auto-Submitted");
            }
            if (detector.isMdnSentAutomatically(mail)) {
                return new AutomaticVerdict(ReasonCode.AUTOMATIC_REPORT, "James: multipart/report");
            }
            return null;
        } catch (MessagingException | RuntimeException unreadable) {
            // Our own rules read the same headers and decide on unreadable mail themselves.
            return null;
        }
    }
}
