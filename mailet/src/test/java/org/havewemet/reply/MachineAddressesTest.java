package org.havewemet.reply;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MachineAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"bob.martin@inviter.test", "maria.lopez@x.test", "eleonora@x.test", "requester@x.test",
        "owner@smallbiz.test", "norbert.reply@x.test", "Bob <bob@x.test>"})
    void isMachineShouldBeFalseWhenAddressIsAPersons(String address) {
        assertThat(MachineAddresses.isMachine(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner-list@x.test", "list-request@x.test", "list-request+bob=x.test@x.test",
        "Mailer-Daemon@x.test", "listserv@x.test", "MAJORDOMO@x.test", "noreply@x.test", "no-reply@x.test",
        "no_reply@x.test", "do-not-reply@x.test", "DoNotReply@x.test", "notifications-noreply@x.test",
        "bounce-12-34@x.test", "list-bounces@x.test", "<noreply@x.test>"})
    void isMachineShouldBeTrueWhenAddressIsSoftwares(String address) {
        assertThat(MachineAddresses.isMachine(address)).isTrue();
    }
}
