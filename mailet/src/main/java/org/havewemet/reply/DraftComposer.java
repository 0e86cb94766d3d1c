package org.havewemet.reply;

import java.time.Clock;
import java.util.Date;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

/**
 * Builds a draft for the user's Drafts folder when the inviter cannot be reached by mail: From the user, NO
 * recipient (nothing can leave by accident), the subject, the body and the inviter's profile link, and
 * {@code X-HaveWeMet-Draft: true}.
 */
public final class DraftComposer {
    public static final String DRAFT_HEADER = "X-HaveWeMet-Draft";

    private final Clock clock;

    public DraftComposer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param userAddress       the local user, becomes From
     * @param subject           the draft subject
     * @param body              the text the user may paste on the platform
     * @param profileUrl        the inviter's profile link, appended when not already in the body; may be null
     * @param originalMessageId Message-ID of the invitation, kept as In-Reply-To so clients thread it; may be null
     * @throws IllegalArgumentException when the user address is not a valid mailbox
     */
    public MimeMessage compose(String userAddress, String subject, String body, String profileUrl,
                               String originalMessageId) {
        InternetAddress from = ReplyComposer.mailbox(userAddress, "user address");
        try {
            MimeMessage draft = new StableIdMimeMessage(Session.getInstance(new Properties()));
            draft.setFrom(from);
            draft.setSubject(HeaderText.clean(subject), "UTF-8");
            draft.setSentDate(Date.from(clock.instant()));
            draft.setHeader("Message-ID", MessageIds.mint(HeaderText.domainOf(from.getAddress()), clock));
            draft.setHeader(DRAFT_HEADER, "true");
            String inReplyTo = MessageIds.normalize(originalMessageId).orElse(null);
            if (inReplyTo != null) {
                draft.setHeader("In-Reply-To", inReplyTo);
            }
            PlainText.fill(draft, withProfileLink(body, profileUrl));
            draft.saveChanges();
            return draft;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build draft: " + e.getMessage(), e);
        }
    }

    static String withProfileLink(String body, String profileUrl) {
        String text = body == null ? "" : body;
        String url = HeaderText.clean(profileUrl);
        if (url.isEmpty() || !(url.startsWith("https://") || url.startsWith("http://")) || text.contains(url)) {
            return text;
        }
        String separator = text.isEmpty() || text.endsWith("\n") ? "\n" : "\n\n";
        return text + separator + "Profile: " + url + "\n";
    }
}
