package org.havewemet.mailet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.havewemet.config.AddressesConfig;
import org.havewemet.reply.ReasonCode;
import org.havewemet.reply.Recipients;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;

/**
 * Marks invitations that reached a user through a shared address, so they are filed quietly (never a reply or a
 * draft): a role address ({@code addresses.roles} on the local part: the user's own address, or a To/Cc/Bcc (and Resent-) address
 * James' RecipientRewriteTable maps to the user), or a group the table expands to two or more mailboxes. James
 * has already expanded the group when the mail reaches {@code local-delivery}, so the group is recognised in the
 * To/Cc/Bcc (and Resent-) headers: one delivery, and one mark, per member.
 */
final class SharedAddresses {
    /** A hostile mail may list thousands of recipients: only the first ones are looked up in James' table. */
    static final int MAX_LOOKUPS = 20;

    private final AddressesConfig config;
    private final Function<String, Set<String>> mappedTargets;

    SharedAddresses(AddressesConfig config, Function<String, Set<String>> mappedTargets) {
        this.config = config;
        this.mappedTargets = mappedTargets;
    }

    /** The result with a GROUP_ADDRESS or ROLE_ADDRESS reason added when the delivery is to a shared address. */
    TriageResult mark(MimeMessage message, String recipient, TriageResult result) {
        if (result.invitation().isEmpty()) {
            return result;
        }
        return why(message, recipient).map(reason -> {
            List<Reason> reasons = new ArrayList<>(result.reasons());
            reasons.add(reason);
            return new TriageResult(result.invitation(), result.verdict(), reasons);
        }).orElse(result);
    }

    Optional<Reason> why(MimeMessage message, String recipient) {
        String user = recipient.trim().toLowerCase(Locale.ROOT);
        Optional<Reason> role = config.isRole(user) ? Optional.of(role(user)) : Optional.empty();
        int lookups = 0;
        for (String address : addressedTo(message)) {
            if (address.equals(user) || lookups++ >= MAX_LOOKUPS) {
                continue;
            }
            Set<String> targets = mappedTargets.apply(address);
            if (targets.size() >= 2) {
                return Optional.of(new Reason(ReasonCode.GROUP_ADDRESS.name(), 0,
                    "group " + address + " of " + targets.size() + " mailboxes"));
            }
            if (role.isEmpty() && targets.contains(user) && config.isRole(address)) {
                role = Optional.of(role(address));
            }
        }
        return role;
    }

    private static Reason role(String address) {
        return new Reason(ReasonCode.ROLE_ADDRESS.name(), 0, "role address " + address);
    }

    private static Set<String> addressedTo(MimeMessage message) {
        try {
            return Recipients.of(message);
        } catch (MessagingException unreadable) {
            // Unreadable headers name no shared address; the recipient's own address was checked.
            return Set.of();
        }
    }
}
