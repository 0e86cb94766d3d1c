package org.havewemet.it;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;

/**
 * GreenMail 1.6 accepts {@code MAIL FROM:<>} but then refuses every RCPT with "503 MAIL must come before RCPT",
 * because it keeps no return path for the null reverse path (greenmail-mail-test/greenmail#28). RFC 5321 4.5.5
 * makes the null reverse path valid, and RFC 3834 asks auto-responders to use it, so our replies need it: this MAIL
 * command records it as an empty address, which GreenMail then writes as {@code Return-Path: <>}. Everything else
 * is GreenMail's own behaviour.
 */
final class NullReversePathMailCommand extends SmtpCommand {
    private static final Pattern PARAM = Pattern.compile("MAIL FROM:\\s?<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    /** Installs the command in GreenMail's (static) command registry; idempotent. */
    @SuppressWarnings("unchecked")
    static synchronized void install() {
        try {
            Field field = SmtpCommandRegistry.class.getDeclaredField("commands");
            field.setAccessible(true);
            Map<String, SmtpCommand> commands = (Map<String, SmtpCommand>) field.get(null);
            if (!(commands.get("MAIL") instanceof NullReversePathMailCommand)) {
                commands.put("MAIL", new NullReversePathMailCommand());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this GreenMail version has no SMTP command registry to extend", e);
        }
    }

    @Override
    public void execute(SmtpConnection connection, SmtpState state, SmtpManager manager, String commandLine) {
        Matcher matcher = PARAM.matcher(commandLine);
        if (!matcher.matches()) {
            connection.send("501 Required syntax: 'MAIL FROM:<email@host>'");
            return;
        }
        String path = matcher.group(1);
        MailAddress returnPath = new MailAddress(path);
        if (!path.isEmpty()) {
            String refusal = manager.checkSender(state, returnPath);
            if (refusal != null) {
                connection.send(refusal);
                return;
            }
        }
        state.clearMessagePreservingAuthenticationState();
        state.getMessage().setReturnPath(returnPath);
        connection.send("250 OK");
    }
}
