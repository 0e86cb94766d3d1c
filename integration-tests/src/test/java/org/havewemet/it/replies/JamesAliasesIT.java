package org.havewemet.it.replies;

import org.apache.james.GuiceJamesServer;
import org.apache.james.JamesServerExtension;
import org.apache.james.modules.protocols.ImapGuiceProbe;
import org.apache.james.modules.protocols.SmtpGuiceProbe;
import org.apache.james.utils.DataProbeImpl;
import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.HaveWeMetProbe;
import org.havewemet.it.OutsideWorld;
import org.havewemet.mailet.HaveWeMetRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.havewemet.it.replies.ReplyIt.USER;

/**
 * A user's aliases as James keeps them (its recipient rewrite table, where WebAdmin's {@code /address/aliases}
 * writes), with nothing in {@code replies.aliases}: mail to the alias counts as mail to the user, and the alias is
 * never answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JamesAliasesIT {
    static final String ALIAS = "demo.alias@" + HaveWeMetJames.DOMAIN;
    static final OutsideWorld OUTSIDE = new OutsideWorld();

    @RegisterExtension
    static JamesServerExtension james = new HaveWeMetJames(OUTSIDE).extension();

    private int smtpPort;
    private int imapPort;
    private HaveWeMetRuntime runtime;

    @BeforeAll
    void start(GuiceJamesServer server) throws Exception {
        DataProbeImpl data = server.getProbe(DataProbeImpl.class);
        data.addUser(USER, HaveWeMetJames.PASSWORD);
        data.addUserAliasMapping("demo.alias", HaveWeMetJames.DOMAIN, USER);
        smtpPort = server.getProbe(SmtpGuiceProbe.class).getSmtpPort().getValue();
        imapPort = server.getProbe(ImapGuiceProbe.class).getImapPort();
        runtime = server.getProbe(HaveWeMetProbe.class).runtime();
    }

    @Test
    void requestAddressedOnlyToAJamesAliasShouldBeAnswered() throws Exception {
        String id = "<rrt-alias-to@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest("writes.rrt.alias@example.org", id), "To",
            "To: " + ALIAS);

        ReplyIt.send(smtpPort, "writes.rrt.alias@example.org", ALIAS, mail);

        ReplyIt.awaitReplies(OUTSIDE, "writes.rrt.alias@example.org", 1);
        ReplyIt.awaitStatus(runtime, USER, id, "replied/");
    }

    @Test
    void requestFromTheUsersOwnJamesAliasShouldNeverBeAnswered() throws Exception {
        String id = "<rrt-alias-from@mail.example.org>";
        String mail = ReplyIt.replaceHeader(ReplyIt.directRequest(ALIAS, id), "From", "From: Demo <" + ALIAS + ">");

        ReplyIt.send(smtpPort, ALIAS, USER, mail);

        ReplyIt.awaitDelivered(imapPort, USER, id);
        ReplyIt.awaitStatus(runtime, USER, id, "suppressed/OWN_ADDRESS");
        ReplyIt.assertNothingReaches(OUTSIDE, ALIAS);
    }
}
