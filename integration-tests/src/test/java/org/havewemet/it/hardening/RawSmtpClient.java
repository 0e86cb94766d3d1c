package org.havewemet.it.hardening;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP client that sends bytes exactly as given (NUL bytes, bare LF, 8-bit, huge bodies), which
 * javax.mail and commons-net would "fix" or refuse. It only dot-stuffs and adds the end-of-data marker, as SMTP
 * requires. One connection is reused for many mails; after a refusal or a broken connection it reconnects.
 */
public final class RawSmtpClient implements AutoCloseable {
    /** What became of one mail. UNKNOWN: the connection broke after the data was sent, so it may have been taken. */
    public enum Outcome { ACCEPTED, REFUSED, UNKNOWN }

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String lastReply = "";
    private String lastProblem = "";

    public RawSmtpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Outcome send(String envelopeSender, String recipient, byte[] message) {
        boolean dataSent = false;
        try {
            ensureConnected();
            command("MAIL FROM:<" + envelopeSender + ">", 250);
            command("RCPT TO:<" + recipient + ">", 250);
            command("DATA", 354);
            writeDotStuffed(message);
            dataSent = true;
            int code = readReply();
            if (code == 250) {
                return Outcome.ACCEPTED;
            }
            lastProblem = "end of data answered " + lastReply;
            close(); // a refusal in the middle of DATA can leave more replies queued: never reuse the connection
            return Outcome.REFUSED;
        } catch (Refused refused) {
            lastProblem = refused.getMessage();
            reset();
            return Outcome.REFUSED;
        } catch (IOException broken) {
            lastProblem = (dataSent ? "after data: " : "") + broken;
            close();
            return dataSent ? Outcome.UNKNOWN : Outcome.REFUSED;
        }
    }

    /** Why the last mail was refused or is unknown, with the server's reply. */
    public String lastProblem() {
        return lastProblem;
    }

    private void ensureConnected() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket(host, port);
        socket.setSoTimeout(120_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        expect(readReply(), 220, "greeting");
        command("EHLO soak.example.com", 250);
    }

    private void command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(readReply(), expected, line);
    }

    private void expect(int code, int expected, String what) throws Refused {
        if (code != expected) {
            throw new Refused((what.length() > 60 ? what.substring(0, 60) : what) + " answered " + lastReply);
        }
    }

    private void writeDotStuffed(byte[] message) throws IOException {
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (message.length == 0 || message[message.length - 1] != '\n') {
            out.write('\r');
            out.write('\n');
        }
        out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) reply and returns its code. */
    private int readReply() throws IOException {
        while (true) {
            String line = readLine();
            lastReply = line;
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

    private void reset() {
        try {
            command("RSET", 250);
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        socket = null;
    }

    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
