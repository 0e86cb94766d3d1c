package org.havewemet.it.hardening.crash;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP connection that sends well-formed mails and tells exactly whether the server took each one: ACCEPTED
 * only when the end of DATA was answered 250, which is the moment James has the mail in its queue. When the
 * connection breaks after the data went out (the server was killed), the outcome is UNKNOWN: the mail may or may not
 * have been queued, so it is neither counted as accepted nor as refused.
 */
final class SmtpSession implements AutoCloseable {
    enum Outcome { ACCEPTED, REFUSED, UNKNOWN }

    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SmtpSession(int port) {
        this.port = port;
    }

    Outcome send(String sender, String recipient, String message) {
        boolean dataSent = false;
        try {
            if (socket == null) {
                connect();
            }
            if (command("MAIL FROM:<" + sender + ">") != 250 || command("RCPT TO:<" + recipient + ">") != 250
                    || command("DATA") != 354) {
                close();
                return Outcome.REFUSED;
            }
            out.write(dotStuffed(message).getBytes(StandardCharsets.UTF_8));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            dataSent = true;
            return readReply() == 250 ? Outcome.ACCEPTED : Outcome.REFUSED;
        } catch (IOException broken) {
            close();
            return dataSent ? Outcome.UNKNOWN : Outcome.REFUSED;
        }
    }

    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
        if (readReply() != 220 || command("EHLO load.example.com") != 250) {
            throw new IOException("no SMTP greeting");
        }
    }

    private int command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readReply();
    }

    private static String dotStuffed(String message) {
        String crlf = message.endsWith("\r\n") ? message : message + "\r\n";
        return (crlf.startsWith(".") ? "." : "") + crlf.replace("\r\n.", "\r\n..");
    }

    /** The code of one reply, reading through the lines of a multi-line one. */
    private int readReply() throws IOException {
        while (true) {
            String line = readLine();
            if (line.length() < 3) {
                throw new IOException("bad SMTP reply: " + line);
            }
            if (line.length() == 3 || line.charAt(3) != '-') {
                return Integer.parseInt(line.substring(0, 3));
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1) {
            throw new IOException("connection closed");
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }
}
