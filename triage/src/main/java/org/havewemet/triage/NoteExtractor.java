package org.havewemet.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.havewemet.triage.judge.Fuzzy;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Rx;
import org.havewemet.triage.profile.TextFolding;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Separates the inviter's own words from template text, line by line: footers end the search; greetings, template
 * lines, links and action labels are dropped; a signature ("- Arun", the inviter's name, "Thanks,") opens the profile
 * card (headline, location) that follows it. Quoted notes in reminders ("> ...") are unquoted.
 */
final class NoteExtractor {
    private static final int MAX_LINES = 3000;
    static final int MAX_LINE_CHARS = 4000;
    private static final Pattern SPACE = Pattern.compile(" ");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    // RE2's \\b is ASCII-only: "olá" and "cześć" end where a non-letter (or the end) follows instead.
    private static final Pattern GREETING = Pattern.compile(
            "(?i)^(?:hi|hello|hey|dear|hola|bonjour|salut|hallo|liebe[rs]?|olá|oi|ciao|hoi|hai|halo|cześć|merhaba|hej|estimad[oa]|caro|cara)"
                + "(?:$|[^\\p{L}\\p{N}].{0,39}$)|^[^\\s]{1,30}(?:\\s[^\\s]{1,30}){0,3}[,:]$");
    private static final Pattern GREETING_PREFIX = Pattern.compile(
            "(?i)^(?:hi|hello|hey|dear|hola|bonjour|hallo|olá|oi|ciao|hoi|hai|halo|cześć|merhaba|hej)"
                + "(?:[^\\p{L}\\p{N},:!.\\n][^,:!.\\n]{0,29})?[,:!]\\s+(\\S)");
    private static final Pattern TRAILING_SIGNATURE = Pattern.compile("\\s+[-–—]\\s*\\p{L}[\\p{L} .']{0,40}$");
    private static final Pattern SIGNATURE_DASH = Pattern.compile("^\\s*[-–—]\\s*");
    private static final Pattern DASH_SIGNATURE = Pattern.compile("^[-–—]\\s*\\p{L}[\\p{L} .'-]{0,40}$");
    private static final Pattern QUOTED_HEADER = Pattern.compile("(?i)^(?:to|from|subject|date|para|de|asunto|an|von|betreff|à|objet):.*");

    /** The note (null when none), and the card lines that followed the signature. */
    record Extracted(String note, String headline, String location) {
    }

    private final CompiledGeneric generic;

    NoteExtractor(CompiledGeneric generic) {
        this.generic = generic;
    }

    Extracted extract(String text, CompiledProfile platform, String inviterName, String recipientName) {
        String[] lines = lines(text);
        int start = startLine(lines, platform);
        if (start == 0 && platform != null && CompiledGeneric.UNLISTED.equals(platform.id())) {
            return new Extracted(null, null, null);
        }
        boolean quotedOnly = hasQuotedLines(lines, start);
        List<String> note = new ArrayList<>();
        List<String> card = new ArrayList<>();
        boolean inCard = false;
        int skipSignatureLines = 0;
        boolean seenContent = false;
        for (int i = start; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = lines[i].length() > MAX_LINE_CHARS ? lines[i].substring(0, MAX_LINE_CHARS).strip() : lines[i].strip();
            boolean quoted = line.startsWith(">");
            if (quoted) {
                line = unquote(line);
            }
            if (isFooter(line, platform)) {
                break;
            }
            if (quotedOnly && !quoted) {
                continue;
            }
            if (seenContent && isSeparator(line)) {
                // A rule after the inviter's words opens the footer, in whatever language it is written.
                break;
            }
            if (line.isEmpty() || line.chars().noneMatch(Character::isLetterOrDigit)) {
                continue;
            }
            if (line.endsWith(":") && TextFolding.wordCount(line) <= 8 && nextIsName(lines, i, inviterName)) {
                // "This invitation is still waiting:" above the inviter's card: a heading of the template.
                continue;
            }
            if (isActionLabel(lines, i, line)) {
                // "Accept invitation from Stefan" with its link on the next line: the template's button, not a note.
                inCard = false;
                continue;
            }
            String withoutUrls = URL.matcher(line).replaceAll("").strip();
            if (!withoutUrls.equals(line)) {
                inCard = false;
                if (withoutUrls.isEmpty() || withoutUrls.endsWith(":") || TextFolding.wordCount(withoutUrls) <= 4) {
                    continue;
                }
                line = withoutUrls;
            }
            if ((platform != null && (Rx.any(platform.boilerplate, line) || isTemplate(line, platform, inviterName)))
                    || QUOTED_HEADER.matcher(line).matches()) {
                inCard = false;
                continue;
            }
            if (inCard) {
                if (isName(line, inviterName)) {
                    continue;
                }
                if (card.size() < 2 && line.length() <= 120) {
                    card.add(line);
                    continue;
                }
                inCard = false;
            }
            if (skipSignatureLines > 0 && TextFolding.wordCount(line) <= 4) {
                skipSignatureLines--;
                continue;
            }
            if (!seenContent && GREETING.matcher(line).find() && TextFolding.wordCount(line) <= 6) {
                continue;
            }
            if (recipientName != null && !seenContent && isName(line, recipientName)) {
                continue;
            }
            if (!seenContent) {
                line = GREETING_PREFIX.matcher(line).replaceFirst("$1");
            }
            if (isSignature(line, inviterName)) {
                inCard = true;
                continue;
            }
            if (Rx.any(generic.closings, line)) {
                skipSignatureLines = 2;
                continue;
            }
            note.add(stripTrailingSignature(line, inviterName));
            seenContent = true;
        }
        String joined = String.join("\n", note).strip();
        String headline = card.isEmpty() ? null : card.get(0);
        String location = card.size() < 2 ? null : card.get(1);
        return new Extracted(joined.isEmpty() ? null : joined, headline, location);
    }

    /** At most MAX_LINES + 1 lines (the last one holds the rest), without a regular expression. */
    private static String[] lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (out.size() < MAX_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            out.add(text.substring(start, end));
            start = end + 1;
        }
        out.add(text.substring(start));
        return out.toArray(String[]::new);
    }

    /** "> > text" is "text". */
    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == '>') {
            i++;
            if (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
        }
        return line.substring(i).strip();
    }

    private static int startLine(String[] lines, CompiledProfile platform) {
        if (platform == null || platform.noteStart.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            Optional<Matcher> m = Rx.first(platform.noteStart, lines[i].strip());
            if (m.isPresent()) {
                String rest = lines[i].strip().substring(m.get().end()).strip();
                if (rest.isEmpty()) {
                    return i + 1;
                }
                // "Farah's note: "Sam, we met ..."": the note starts on the same line.
                lines[i] = rest;
                return i;
            }
        }
        return 0;
    }

    private static boolean nextIsName(String[] lines, int i, String inviterName) {
        for (int j = i + 1; j < Math.min(lines.length, i + 3); j++) {
            String next = lines[j].strip();
            if (!next.isEmpty()) {
                return isName(next, inviterName);
            }
        }
        return false;
    }

    /** A short line right above a line that is only a link: the link's label in a text part. */
    private static boolean isActionLabel(String[] lines, int i, String line) {
        if (i + 1 >= lines.length || TextFolding.wordCount(line) > 8 || URL.matcher(line).find()) {
            return false;
        }
        String next = lines[i + 1].strip();
        return next.startsWith("http") && URL.matcher(next).replaceAll("").isBlank();
    }

    private static boolean hasQuotedLines(String[] lines, int start) {
        int quoted = 0;
        for (int i = start; i < Math.min(lines.length, start + 40); i++) {
            if (lines[i].strip().startsWith(">")) {
                quoted++;
            }
        }
        return start > 0 && quoted >= 2;
    }

    /**
     * A line of the platform's template: one every notice carries in its language (buttons, card labels), or one
     * that speaks of the inviter in the third person with the platform's event wording ("Álvaro te envió una
     * invitación para conectar hace 3 días"). The template is subtracted; what is left is the inviter's.
     */
    private static boolean isTemplate(String line, CompiledProfile platform, String inviterName) {
        if (platform.templateLines.contains(TextFolding.words(line))
                || (line.length() <= 60 && Rx.any(platform.mutual, line))) {
            return true;
        }
        if (inviterName == null || line.length() > 300) {
            return false;
        }
        String first = firstName(inviterName);
        String folded = TextFolding.words(line);
        boolean namesInviter = first.length() >= 2 && (" " + folded + " ").contains(" " + first + " ");
        return namesInviter && (Rx.any(platform.invitation, line) || Rx.any(platform.reminder, line)
            || Rx.any(platform.accepted, line));
    }

    private static String firstName(String name) {
        String folded = TextFolding.words(name);
        int space = folded.indexOf(' ');
        return space < 0 ? folded : folded.substring(0, space);
    }

    private static boolean isSeparator(String line) {
        if (line.length() < 5) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '-' && c != '=' && c != '_' && c != '*' && c != '~' && c != '─' && c != ' ') {
                return false;
            }
        }
        return true;
    }

    private boolean isFooter(String line, CompiledProfile platform) {
        return Rx.any(generic.footers, line) || (platform != null && Rx.any(platform.footers, line));
    }

    /** "- Arun", "-Bruno", "Pol" or the inviter's full name on its own line. */
    private static boolean isSignature(String line, String name) {
        if (DASH_SIGNATURE.matcher(line).matches()) {
            return true;
        }
        return isName(line, name);
    }

    private static boolean isName(String line, String name) {
        if (name == null || line.length() > 80) {
            return false;
        }
        String l = Fuzzy.normalize(line);
        String n = Fuzzy.normalize(name);
        if (l.isEmpty() || n.isEmpty()) {
            return false;
        }
        if (Fuzzy.similar(l, n, 0.1)) {
            return true;
        }
        String first = SPACE.split(n)[0];
        return l.equals(first) || (n.startsWith(l + " ") && l.length() >= 2);
    }

    private static String stripTrailingSignature(String line, String name) {
        Matcher m = TRAILING_SIGNATURE.matcher(line);
        if (m.find() && m.start() > 0 && name != null) {
            String sig = Fuzzy.normalize(SIGNATURE_DASH.matcher(m.group()).replaceFirst(""));
            String n = Fuzzy.normalize(name);
            if (!sig.isEmpty() && (n.startsWith(sig) || n.contains(sig))) {
                return line.substring(0, m.start()).strip();
            }
        }
        return line;
    }
}
