package org.havewemet.triage.mime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.mail.internet.MimeUtility;

/** Decoding and small parsing of header values: RFC 2047, raw UTF-8, addresses, Message-ID, list tags. */
final class HeaderText {
    private HeaderText() {
    }

    static String decode(String value) {
        if (value == null) {
            return null;
        }
        String repaired = rawUtf8(value);
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(repaired)).strip();
        } catch (Exception e) {
            return repaired.strip();
        }
    }

    /**
     * Headers with raw UTF-8 (RFC 6532) reach us as ISO-8859-1 characters; when those bytes are valid UTF-8, read
     * them as such ("JÃ¼rgen" becomes "Jürgen"). Anything else is left untouched.
     */
    static String rawUtf8(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    static String stripAngles(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v;
    }

    static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at < 0 || at == address.length() - 1) {
            return null;
        }
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        int end = domain.length();
        while (end > 0 && (domain.charAt(end - 1) == '>' || Character.isWhitespace(domain.charAt(end - 1)))) {
            end--;
        }
        return domain.substring(0, end);
    }

    /** "[Twisted-Python] Invitation to connect" -> "Invitation to connect": list tags say nothing about the mail. */
    private static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    static String stripListTags(String subject) {
        if (subject == null) {
            return "";
        }
        String s = collapseWhitespace(subject).strip();
        while (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0 || end > 60) {
                break;
            }
            s = s.substring(end + 1).strip();
        }
        return s;
    }
}
