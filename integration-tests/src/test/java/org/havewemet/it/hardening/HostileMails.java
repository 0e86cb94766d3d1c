package org.havewemet.it.hardening;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generates the mails of the load tests, each tagged with an {@code X-Soak-Id} first header line so every delivery
 * can be counted exactly once. Well-formed mails are direct invitations, plain mails and LinkedIn-style notices;
 * malformed ones break MIME in every way we could think of. Nothing is stored: big bodies are generated on demand.
 */
final class HostileMails {
    static final String ID_HEADER = "X-Soak-Id";
    static final int MALFORMED_KINDS = 12;
    // Lines stay under James' SMTP line limit and end in CRLF: James 3.8.1 itself refuses bare LF, and answers an
    // over-long line with a 500 in the middle of DATA yet still stores the mail, which is James', not ours, to fix.

    private HostileMails() {
    }

    /** A well-formed mail, cycling through the kinds of mail a user really receives. */
    static byte[] wellFormed(String id, int n) {
        return switch (n % 3) {
            case 0 -> bytes(head(id) + "From: Inviter " + n + " <" + inviter(n) + ">\r\nTo: " + HardenedJames.USER
                + "\r\nSubject: Invitation to connect on LinkedIn\r\nDate: Thu, 14 Jul 2016 08:00:00 +0000\r\n"
                + "Message-ID: <" + id + "@mail.example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nDemo,\r\n\r\n"
                + "I'd like to add you to my professional network on LinkedIn.\r\n\r\n- Inviter " + n + "\r\n");
            case 1 -> bytes(head(id) + "From: Friend <friend" + n + "@example.com>\r\nTo: " + HardenedJames.USER
                + "\r\nSubject: Lunch " + n + "?\r\nDate: Fri, 15 Jul 2016 09:00:00 +0000\r\n"
                + "Message-ID: <" + id + "@example.com>\r\n\r\nShall we have lunch on Friday?\r\n.\r\n..\r\n");
            default -> bytes(head(id) + "From: Jane Roe " + n + " <invitations@linkedin.com>\r\nTo: "
                + HardenedJames.USER + "\r\nSubject: Jane Roe " + n + " wants to connect\r\n"
                + "Date: Thu, 14 Jul 2016 08:00:00 +0000\r\nMessage-ID: <" + id + "@linkedin.com>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Jane Roe " + n + " wants to connect with you on LinkedIn.\r\n"
                + "I'd like to add you to my professional network on LinkedIn.\r\n"
                + "Accept: https://www.linkedin.com/comm/invitations/" + n + "\r\n"
                + "View profile: https://www.linkedin.com/comm/profile/view?id=AA" + n + "\r\n");
        };
    }

    /** The envelope sender that goes with {@link #wellFormed} or {@link #malformed} number n. */
    static String envelopeSender(int n) {
        return n % 3 == 2 ? "s-" + n + "@bounce.linkedin.com" : inviter(n);
    }

    static String inviter(int n) {
        return "inviter-" + n + "@example.org";
    }

    /** Malformed mail number n; the kind is n modulo {@link #MALFORMED_KINDS}. */
    static byte[] malformed(String id, int n, Random random) {
        String from = "From: Inviter " + n + " <" + inviter(n) + ">\r\n";
        String invite = "I'd like to add you to my professional network on LinkedIn.\r\n";
        return switch (n % MALFORMED_KINDS) {
            case 0 -> bytes(head(id) + from + "Subject: broken boundary\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"abc\"\r\n\r\n--abd\r\nContent-Type: text/plain\r\n\r\n"
                + invite + "--ab\r\n--abc\r\nContent-Type: multipart/alternative; boundary=\"\"\r\n\r\n--\r\n");
            case 1 -> concat(bytes(head(id) + from + "Subject: =?x-no-such-charset?B?SGVsbG8=?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"x-no-such-charset\"\r\n\r\n"), new byte[] {
                    (byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x82, '\r', '\n'});
            case 2 -> concat(bytes(head(id) + "From: Nul\u0000Name <" + inviter(n) + ">\r\nSubject: nul\u0000bytes\r\n\r\n"),
                bytes("let's\u0000connect\u0000\u0000\r\n" + invite));
            case 3 -> nested(id, from, 100);
            case 4 -> bytes(head(id) + "\r\n" + invite);
            case 5 -> bytes(head(id) + from + "Date: 31 Feb 20x6 99:99:99 +9999\r\n"
                + "Subject: =?utf-8?Q?=FF=FE=?= =?utf-8?B?!!!?= =?\r\nTo: ,,,<>;;\r\nMessage-ID: <<<>>>\r\n\r\n" + invite);
            case 6 -> bytes(head(id) + from + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!*** not base64 ===\r\n"
                + "--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=ZZ=\r\n=\r\n"
                + "--b\r\nContent-Transfer-Encoding: x-garbage\r\n\r\nxx\r\n--b--\r\n");
            case 7 -> concat(bytes(head(id) + "From: "), new byte[] {(byte) 0xFF, (byte) 0xFE, ' '},
                bytes("Jane <" + inviter(n) + ">\r\nSubject: "), new byte[] {(byte) 0xC0, (byte) 0x80},
                bytes("\r\n\r\n" + invite));
            case 8 -> bytes(head(id) + "From: Folded <" + inviter(n) + ">\r\nX-Long: "
                + ("x".repeat(70) + "\r\n ").repeat(300) + "end\r\nSubject: tab\tand\u000bvertical tab and =?utf-8?B?" + "QUFB".repeat(200)
                + "?=\r\n\r\n" + invite);
            case 9 -> bytes(head(id) + from + "this header has no colon\r\n: no name\r\nSubject: headers only");
            case 10 -> bytes(head(id) + "From: Jane Roe <invitations@linkedin.com>\r\nSubject: Jane wants to connect\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + ("<div>".repeat(100) + "\r\n").repeat(50) + "<a href='javascript:x'>Accept</a><p>" + invite + "<table><tr><td");
            default -> {
                byte[] garbage = new byte[2_000 + random.nextInt(8_000)];
                random.nextBytes(garbage);
                for (int i = 0; i < garbage.length; i++) {
                    // binary, NULs and 8-bit included, but in CRLF lines: James itself refuses bare CR or LF
                    boolean lineEnd = i % 78 == 76;
                    garbage[i] = lineEnd ? (byte) '\r' : i % 78 == 77 ? (byte) '\n'
                        : garbage[i] == '\r' || garbage[i] == '\n' ? 0 : garbage[i];
                }
                yield concat(bytes(head(id) + from + "Content-Type: application/octet-stream\r\n\r\n"), garbage);
            }
        };
    }

    /** A direct invitation whose body is about {@code size} bytes of text. */
    static byte[] big(String id, int n, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        byte[] start = bytes(head(id) + "From: Big Inviter " + n + " <" + inviter(n) + ">\r\nTo: "
            + HardenedJames.USER + "\r\nSubject: Invitation to connect\r\nMessage-ID: <" + id + "@big.example.org>\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n\r\nI'd like to add you to my professional network.\r\n");
        out.writeBytes(start);
        byte[] line = bytes("All work and no play makes Jack a dull boy, let's connect and talk about it.\r\n");
        while (out.size() < size) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    private static byte[] nested(String id, String from, int depth) {
        StringBuilder mail = new StringBuilder(head(id)).append(from).append("Subject: nested\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < depth; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\r\n\r\n--n").append(i)
                .append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\nLet's connect\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--n").append(i).append("--\r\n");
        }
        return bytes(mail.toString());
    }

    private static String head(String id) {
        return ID_HEADER + ": " + id + "\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
