package org.havewemet.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.havewemet.triage.InvitationTriage;
import org.havewemet.triage.KnownInviters;
import org.havewemet.triage.Verdict;

/**
 * A deterministic "realistic mix" corpus for the SMTP benchmark: what a real inbox mostly receives. Of every 20
 * messages, one is an invitation fixture (those of the fixture set that triage recognises as invitations, in path
 * order) and 19 are generated: person-to-person mail from a fixed circle of correspondents (some threaded, some with
 * an HTML part or an attachment), newsletters (List-Id, List-Unsubscribe) and machine notifications (noreply,
 * Auto-Submitted). Sizes spread log-uniformly over 2 to 50 KB. Same seed, same bytes, on every run.
 */
public final class RealisticMix {
    /** One message in twenty is an invitation: 5%. */
    static final int INVITATION_EVERY = 20;
    /** Corpus size used by the benchmark: 200 messages, 10 of them invitations. */
    public static final int SIZE = 200;
    private static final long SEED = 20_261_125L;
    private static final String[] WORDS = ("the a of to and in that it for on with as was at by this we you from "
            + "be have are or not but all they which one had there can will more when their if about would what up "
            + "out time some them so could into than then other only its now also new over after year work first "
            + "well way even because these people any day most us project meeting report budget draft review plan "
            + "weekend dinner garden holiday train kitchen invoice school concert coffee lunch photos notes chapter "
            + "release quarter numbers friday monday schedule ticket library museum recipe bicycle weather").split(" ");
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo",
        "Ines", "Jonas", "Katrin", "Lukas", "Maria", "Nils", "Olga", "Paul", "Rosa", "Simon", "Tara", "Victor"};
    private static final String[] LAST = {"Berger", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Hansen",
        "Ivanova", "Jensen", "Keller", "Larsen", "Moreau"};
    private static final String[] DOMAINS = {"mail.example.com", "family.example.net", "work.example.org",
        "uni.example.edu"};
    private static final String[] LISTS = {"weekly-digest", "shop-offers", "city-news", "book-club", "dev-updates"};
    private static final String[] NOTIFIERS = {"noreply@tickets.example.com", "notifications@ci.example.dev",
        "no-reply@bank.example.com", "alerts@calendar.example.net"};

    private RealisticMix() {
    }

    /** {@code size} messages: every 20th an invitation fixture, the rest generated ordinary mail. */
    public static List<byte[]> corpus(BenchMessages fixtures, int size) {
        List<byte[]> invitations = invitationFixtures(fixtures);
        Random random = new Random(SEED);
        List<byte[]> out = new ArrayList<>(size);
        int invitation = 0;
        for (int i = 0; i < size; i++) {
            if (i % INVITATION_EVERY == 0) {
                out.add(invitations.get(invitation++ % invitations.size()));
            } else {
                out.add(ordinary(random, i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return List.copyOf(out);
    }

    /** The fixtures triage recognises as invitations of any verdict, in path order. */
    static List<byte[]> invitationFixtures(BenchMessages fixtures) {
        InvitationTriage triage = InvitationTriage.withDefaults(KnownInviters.NOBODY);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            Verdict v = triage.triage(fixtures.parse(i), BenchMessages.ENVELOPE_SENDER, BenchMessages.RECIPIENT)
                    .verdict();
            if (v != Verdict.NOT_INVITATION) {
                out.add(fixtures.raw(i));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no invitation among the fixtures");
        }
        return out;
    }

    private static String ordinary(Random random, int n) {
        int target = (int) Math.round(2048 * Math.pow(25, random.nextDouble())); // 2 KB .. 50 KB, log-uniform
        int kind = random.nextInt(100);
        if (kind < 60) {
            return personal(random, n, target);
        }
        return kind < 82 ? newsletter(random, n, target) : notification(random, n, target);
    }

    private static String personal(Random random, int n, int target) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String from = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@"
                + DOMAINS[random.nextInt(DOMAINS.length)];
        StringBuilder h = headers(n, first + " " + last + " <" + from + ">", sentence(random, 3, 8));
        if (random.nextInt(3) == 0) {
            String parent = "<mix-" + Math.max(0, n - 1 - random.nextInt(10)) + "@bench.havewemet.invalid>";
            h.append("In-Reply-To: ").append(parent).append("\r\nReferences: ").append(parent).append("\r\n");
        }
        String text = "Hi Alice,\r\n\r\n" + paragraphs(random, Math.min(target, 6000)) + "\r\nCheers,\r\n" + first + "\r\n";
        int rest = target - text.length();
        if (rest > 4000 && random.nextBoolean()) {
            return multipart(h, "mixed", random, text, attachment(random, rest * 3 / 4));
        }
        if (rest > 1000) {
            return multipart(h, "alternative", random, text + paragraphs(random, rest / 2), html(random, rest / 2));
        }
        return single(h, "text/plain; charset=UTF-8", text);
    }

    private static String newsletter(Random random, int n, int target) {
        String list = LISTS[random.nextInt(LISTS.length)];
        StringBuilder h = headers(n, "\"" + list + "\" <news@" + list + ".example.com>", sentence(random, 4, 9));
        h.append("List-Id: <").append(list).append(".example.com>\r\n")
            .append("List-Unsubscribe: <https://").append(list).append(".example.com/unsubscribe?u=42>\r\n")
            .append("Precedence: bulk\r\n");
        return multipart(h, "alternative", random, paragraphs(random, target / 3), html(random, target * 2 / 3));
    }

    private static String notification(Random random, int n, int target) {
        StringBuilder h = headers(n, NOTIFIERS[random.nextInt(NOTIFIERS.length)], sentence(random, 3, 7));
        h.append("Auto-Submitted: auto-generated\r\n");
        return single(h, "text/plain; charset=UTF-8", paragraphs(random, target));
    }

    private static StringBuilder headers(int n, String from, String subject) {
        int day = 1 + n % 28;
        return new StringBuilder()
            .append("From: ").append(from).append("\r\n")
            .append("To: Alice <").append(BenchMessages.RECIPIENT).append(">\r\n")
            .append("Subject: ").append(subject).append("\r\n")
            .append(String.format(Locale.ROOT, "Date: Mon, %d Sep 2025 10:%02d:00 +0000\r\n", day, n % 60))
            .append("Message-ID: <mix-").append(n).append("@bench.havewemet.invalid>\r\n")
            .append("MIME-Version: 1.0\r\n");
    }

    private static String single(StringBuilder headers, String type, String body) {
        return headers.append("Content-Type: ").append(type).append("\r\n\r\n").append(body).toString();
    }

    private static String multipart(StringBuilder headers, String subtype, Random random, String text, String second) {
        String boundary = "b-" + Long.toHexString(random.nextLong());
        headers.append("Content-Type: multipart/").append(subtype).append("; boundary=\"").append(boundary)
            .append("\"\r\n\r\n")
            .append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(text)
            .append("\r\n--").append(boundary).append("\r\n").append(second)
            .append("\r\n--").append(boundary).append("--\r\n");
        return headers.toString();
    }

    private static String html(Random random, int size) {
        StringBuilder b = new StringBuilder("Content-Type: text/html; charset=UTF-8\r\n\r\n<html><body>\r\n");
        while (b.length() < size) {
            b.append("<p style=\"font-family:Arial;color:#333\">").append(sentence(random, 8, 20))
                .append(" <a href=\"https://example.com/a/").append(random.nextInt(10_000)).append("\">more</a></p>\r\n");
        }
        return b.append("</body></html>").toString();
    }

    private static String attachment(Random random, int size) {
        byte[] data = new byte[Math.max(1, size)];
        random.nextBytes(data);
        return "Content-Type: application/pdf; name=\"notes.pdf\"\r\nContent-Disposition: attachment; filename=\"notes.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(data);
    }

    private static String paragraphs(Random random, int size) {
        StringBuilder b = new StringBuilder();
        while (b.length() < size) {
            for (int s = 0; s < 4 && b.length() < size; s++) {
                b.append(sentence(random, 6, 18)).append(' ');
            }
            b.append("\r\n\r\n");
        }
        return b.toString();
    }

    private static String sentence(Random random, int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            b.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return b.append('.').toString();
    }
}
