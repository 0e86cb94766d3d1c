package org.havewemet.reply;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeUtility;

/**
 * Builds the "Have we met?" reply (RFC 3834 compliant): From the user, exactly one To, Auto-Submitted: auto-replied,
 * threaded with In-Reply-To/References, a fresh Message-ID, plain UTF-8 text in quoted-printable, and nothing of the
 * original attached. Every header value taken from mail content is cleaned of CR/LF and control characters.
 *
 * <p>RFC 3834 3.3: the caller should send it with a null reverse path (MAIL FROM:&lt;&gt;).
 */
public final class ReplyComposer {
    /** The header values this composer writes, for the caller's logs and tests. */
    public static final String AUTO_SUBMITTED = "auto-replied";

    private final Clock clock;

    public ReplyComposer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param userAddress        the local user, becomes From
     * @param recipientAddress   the inviter, the only To
     * @param originalMessageId  Message-ID of the invitation (with or without brackets), may be null
     * @param originalReferences References header of the invitation, may be null
     * @param subject            the reply subject (already rendered from the template), may be non-ASCII
     * @param body               the reply text
     * @return the saved message; its Message-ID ({@link MimeMessage#getMessageID()}) is the one to record
     * @throws IllegalArgumentException when an address is not a valid single mailbox
     */
    public MimeMessage compose(String userAddress, String recipientAddress, String originalMessageId,
                               String originalReferences, String subject, String body) {
        InternetAddress from = mailbox(userAddress, "user address");
        InternetAddress to = mailbox(recipientAddress, "recipient address");
        try {
            MimeMessage reply = new StableIdMimeMessage(Session.getInstance(new Properties()));
            reply.setFrom(from);
            reply.setRecipient(Message.RecipientType.TO, to);
            reply.setSubject(HeaderText.clean(subject), "UTF-8");
            reply.setSentDate(Date.from(clock.instant()));
            reply.setHeader("Message-ID", MessageIds.mint(HeaderText.domainOf(from.getAddress()), clock));
            reply.setHeader("Auto-Submitted", AUTO_SUBMITTED);
            // Asks Exchange and friends not to answer our answer: no ping-pong between responders.
            reply.setHeader("X-Auto-Response-Suppress", "All");
            MessageIds.normalize(originalMessageId).ifPresent(id -> setQuietly(reply, "In-Reply-To", id));
            List<String> refs = MessageIds.referencesFor(originalReferences, originalMessageId);
            if (!refs.isEmpty()) {
                reply.setHeader("References", MimeUtility.fold("References: ".length(), String.join(" ", refs)));
            }
            PlainText.fill(reply, body);
            reply.saveChanges();
            return reply;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build reply: " + e.getMessage(), e);
        }
    }

    /** Parses one strict mailbox, cleaned of control characters; no display name taken from mail content. */
    static InternetAddress mailbox(String address, String what) {
        String clean = HeaderText.clean(address);
        try {
            InternetAddress parsed = new InternetAddress(clean, true);
            parsed.validate();
            if (parsed.isGroup() || parsed.getAddress() == null || !parsed.getAddress().contains("@")) {
                throw new AddressException("not a single mailbox");
            }
            return new InternetAddress(parsed.getAddress());
        } catch (AddressException e) {
            throw new IllegalArgumentException("invalid " + what + ": '" + clean + "'", e);
        }
    }

    private static void setQuietly(MimeMessage message, String name, String value) {
        try {
            message.setHeader(name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
