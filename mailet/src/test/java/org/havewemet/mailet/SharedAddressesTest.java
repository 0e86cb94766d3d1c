package org.havewemet.mailet;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.havewemet.config.ConfigLoader;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.triage.EventKind;
import org.havewemet.triage.Invitation;
import org.havewemet.triage.Inviter;
import org.havewemet.triage.Reason;
import org.havewemet.triage.TriageResult;
import org.havewemet.triage.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which deliveries {@link SharedAddresses} marks as reaching the user through a shared role or group address. */
class SharedAddressesTest {
    private static final Map<String, Set<String>> TABLE = Map.of(
        "team@example.com", Set.of("alice@example.com", "bob@example.com", "carol@example.com"),
        "sales@example.com", Set.of("alice@example.com"),
        "a.smith@example.com", Set.of("alice@example.com"));
    private static final SharedAddresses DEFAULTS = new SharedAddresses(HaveWeMetConfig.defaults().addresses(),
        address -> TABLE.getOrDefault(address, Set.of()));
    private static final TriageResult UNEXPLAINED = new TriageResult(Optional.of(new Invitation(Invitation.DIRECT,
        EventKind.INVITATION, new Inviter("Bob Stranger", null, null, null, "bob@stranger.test", null), null, "en",
        null, null, null, null, "bob@stranger.test")), Verdict.UNEXPLAINED, List.of(new Reason("NO_NOTE", 1, "")));

    private static MimeMessage to(String... addresses) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setRecipients(Message.RecipientType.TO, String.join(", ", addresses));
        message.setText("hello");
        return message;
    }

    private static Optional<String> code(SharedAddresses shared, MimeMessage message, String recipient) {
        return shared.why(message, recipient).map(Reason::code);
    }

    @Test
    void groupShouldBeMarkedWhenTheTableExpandsAToAddressToSeveralMailboxes() throws Exception {
        assertThat(code(DEFAULTS, to("team@example.com"), "bob@example.com")).contains("GROUP_ADDRESS");
        assertThat(DEFAULTS.why(to("team@example.com"), "bob@example.com").get().detail()).contains("3 mailboxes");
    }

    @Test
    void roleShouldBeMarkedWhenTheRecipientItselfIsARoleMailbox() throws Exception {
        assertThat(code(DEFAULTS, to("info@example.com"), "INFO@example.com")).contains("ROLE_ADDRESS");
    }

    @Test
    void roleShouldBeMarkedWhenARoleAliasOfTheUserIsAddressed() throws Exception {
        assertThat(code(DEFAULTS, to("sales@example.com"), "alice@example.com")).contains("ROLE_ADDRESS");
    }

    @Test
    void personalAliasShouldNotBeMarkedWhenItIsNoRole() throws Exception {
        assertThat(code(DEFAULTS, to("a.smith@example.com"), "alice@example.com")).isEmpty();
        assertThat(code(DEFAULTS, to("alice@example.com"), "alice@example.com")).isEmpty();
    }

    @Test
    void roleAddressOfSomeoneElseShouldNotMarkAUserWhenItDoesNotReachThem() throws Exception {
        assertThat(code(DEFAULTS, to("info@other.test", "alice@example.com"), "alice@example.com")).isEmpty();
    }

    @Test
    void emptyRolesShouldStillMarkGroupsWhenRolesAreOff() throws Exception {
        HaveWeMetConfig config = ConfigLoader.loadFromString("addresses:\n  roles: []\n", "x");
        SharedAddresses noRoles = new SharedAddresses(config.addresses(),
            address -> TABLE.getOrDefault(address, Set.of()));
        assertThat(code(noRoles, to("info@example.com"), "info@example.com")).isEmpty();
        assertThat(code(noRoles, to("team@example.com"), "carol@example.com")).contains("GROUP_ADDRESS");
    }

    @Test
    void markShouldAddTheReasonAndKeepTheVerdictWhenTheMailIsAnInvitation() throws Exception {
        TriageResult marked = DEFAULTS.mark(to("team@example.com"), "alice@example.com", UNEXPLAINED);
        assertThat(marked.verdict()).isEqualTo(Verdict.UNEXPLAINED);
        assertThat(marked.reasons()).extracting(Reason::code).containsExactly("NO_NOTE", "GROUP_ADDRESS");
        assertThat(ReplyService.quietReason(marked)).map(Enum::name).contains("GROUP_ADDRESS");
    }

    @Test
    void markShouldLeaveMailThatIsNoInvitationAlone() throws Exception {
        TriageResult none = TriageResult.notInvitation(new Reason("NO_MARK", 0, ""));
        assertThat(DEFAULTS.mark(to("team@example.com"), "alice@example.com", none)).isSameAs(none);
    }

    @Test
    void lookupsShouldStopAfterTheFirstAddressesWhenAMailListsThousands() throws Exception {
        int[] lookups = new int[1];
        SharedAddresses counting = new SharedAddresses(HaveWeMetConfig.defaults().addresses(), address -> {
            lookups[0]++;
            return Set.of();
        });
        String[] many = new String[500];
        for (int i = 0; i < many.length; i++) {
            many[i] = "person" + i + "@example.com";
        }
        assertThat(counting.why(to(many), "alice@example.com")).isEmpty();
        assertThat(lookups[0]).isEqualTo(SharedAddresses.MAX_LOOKUPS);
    }
}
