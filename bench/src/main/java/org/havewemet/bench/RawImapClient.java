package org.havewemet.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal IMAP4rev1 client that sends exactly the commands it is given, so the benchmark times James' own
 * {@code UID SEARCH} and nothing a client library might add (javax.mail may fall back to fetching messages and
 * searching them itself). Search keys are strings or {@link Literal}s (sent as synchronizing literals, for UTF-8).
 */
final class RawImapClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    /** A search argument sent as {@code {n}} + bytes, for non-ASCII text with {@code CHARSET UTF-8}. */
    record Literal(String text) {
    }

    RawImapClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(30 * 60 * 1000); // one search over 100k messages takes seconds to minutes
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        String greeting = readLine();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("unexpected IMAP greeting: " + greeting);
        }
    }

    void login(String user, String password) throws IOException {
        command("LOGIN " + quoted(user) + " " + quoted(password));
    }

    void select(String mailbox) throws IOException {
        command("SELECT " + quoted(mailbox));
    }

    /** {@code UID SEARCH <keys>}; returns the UIDs the server answered. */
    List<Long> uidSearch(Object... keys) throws IOException {
        List<Long> uids = new ArrayList<>();
        for (String line : command(keys, "UID SEARCH")) {
            if (line.startsWith("* SEARCH")) {
                for (String uid : line.substring("* SEARCH".length()).trim().split(" ")) {
                    if (!uid.isEmpty()) {
                        uids.add(Long.parseLong(uid));
                    }
                }
            }
        }
        return uids;
    }

    /** Runs one command and returns its untagged lines; throws unless it ends with a tagged OK. */
    List<String> command(String text) throws IOException {
        return command(new Object[0], text);
    }

    private List<String> command(Object[] keys, String verb) throws IOException {
        String t = "b" + (++tag);
        boolean utf8 = false;
        for (Object k : keys) {
            utf8 |= k instanceof Literal;
        }
        StringBuilder pending = new StringBuilder(t).append(' ').append(verb);
        if (utf8) {
            pending.append(" CHARSET UTF-8");
        }
        for (Object k : keys) {
            pending.append(' ');
            if (k instanceof Literal lit) {
                byte[] bytes = lit.text().getBytes(StandardCharsets.UTF_8);
                pending.append('{').append(bytes.length).append("}\r\n");
                write(pending.toString());
                pending.setLength(0);
                String go = readLine();
                if (!go.startsWith("+")) {
                    throw new IOException("server refused the literal: " + go);
                }
                out.write(bytes);
            } else {
                pending.append(k);
            }
        }
        write(pending.append("\r\n").toString());
        List<String> untagged = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.startsWith(t + " ")) {
                if (!line.startsWith(t + " OK")) {
                    throw new IOException(verb + " failed: " + line);
                }
                return untagged;
            }
            untagged.add(line);
        }
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("IMAP connection closed");
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            write("b" + (++tag) + " LOGOUT\r\n");
        } finally {
            socket.close();
        }
    }
}
