package org.havewemet.index;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic generator of realistic invitations for benchmarks: a seed always yields the same sequence. Names,
 * headlines, companies and notes are drawn from multilingual pools; about 40% of invitations carry no note, as on
 * real platforms, and some inviters invite the same recipient several times.
 */
public final class InvitationGenerator {
    private static final String[] FIRST = {"Maria", "José", "Jean-Luc", "Priya", "Hans", "Zoë", "Li", "Fatima",
            "Olga", "Kwame", "Sven", "Ana", "Hiroshi", "Aisha", "Pierre", "Giulia", "Mateusz", "Chloé", "Ahmed",
            "Emma", "Noah", "Sofia", "Lucas", "Mia", "Ravi", "Ingrid", "Tomás", "Yuki", "Nadia", "Omar"};
    private static final String[] LAST = {"Gómez", "Picard", "Raman", "Müller", "Dupont", "Wei", "El Amrani",
            "Ivanova", "Mensah", "Andersson", "Silva", "Tanaka", "Bello", "Martin", "Rossi", "Kowalski", "Lefèvre",
            "Hassan", "Smith", "Johnson", "García", "Nguyen", "Schmidt", "Kumar", "Larsen", "O'Brien", "Novak"};
    private static final String[] ROLE = {"Software Engineer", "Recruiter", "Talent Acquisition Partner",
            "Head of Sales", "Data Scientist", "Product Manager", "CTO", "Founder", "Consultant", "Architect",
            "Marketing Lead", "HR Business Partner", "Investor", "Student", "Account Executive"};
    private static final String[] COMPANY = {"Acme", "TalentCorp", "Siemens", "Globex", "Initech", "Umbrella",
            "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay Industries", "Société Générale", "Nordwind",
            "Kyoto Robotics", "Lagos Fintech", "Freelance"};
    private static final String[] CITY = {"Paris", "Madrid", "München", "Bangalore", "Lagos", "Tokyo", "São Paulo",
            "New York", "London", "Stockholm", "Warszawa", "Lyon", "Boston", "Nairobi", "Montréal"};
    private static final String[] NOTES = {
            "Hi %s, we met at the %s meetup last month, great talk about search engines!",
            "Hello %s, I am a recruiter at %s and have an exciting opportunity for you.",
            "Bonjour %s, nous nous sommes rencontrés à la conférence de %s, ravi d'échanger.",
            "Hallo %s, wir haben uns auf der Konferenz in %s getroffen. Lass uns vernetzen!",
            "Hola %s, trabajamos juntos en el proyecto de %s hace años.",
            "Dear %s, I'd like to add you to my professional network. Regards from %s.",
            "%s, following up on our call about the %s position, thanks again.",
            "Hi %s, I saw your post about Lucene and would love to learn more, I work at %s.",
            "Ciao %s, ci siamo conosciuti al corso di %s.",
            "%s — quick question about your open source work, I'm building something similar at %s."};
    private static final String[] NOTE_LANGUAGE = {"en", "en", "fr", "de", "es", "en", "en", "en", "it", "en"};
    private static final String[] PLATFORM = {"linkedin", "linkedin", "linkedin", "linkedin", "xing", "facebook",
            "viadeo", "direct"};
    private static final String[] VERDICT = {"PERSONAL", "UNEXPLAINED", "UNEXPLAINED", "PERSONAL", "SUSPICIOUS",
            "KNOWN"};
    private static final String[] STATUS = {"none", "replied", "drafted", "suppressed", "answered"};
    private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = 2L * 365 * 24 * 3600;

    private final Random random;
    private final int users;
    private final List<String[]> pastInviters = new ArrayList<>();
    private long sequence;

    public InvitationGenerator(long seed, int users) {
        this.random = new Random(seed);
        this.users = users;
    }

    public InvitationRecord next() {
        long n = sequence++;
        String recipient = "user" + random.nextInt(users) + "@example.com";
        String[] person = inviter();
        String platform = pick(PLATFORM);
        String messageId = "<" + Long.toHexString(n) + "." + Long.toHexString(random.nextLong()) + "@" + platform + ".example>";
        int template = random.nextInt(10) < 4 ? -1 : random.nextInt(NOTES.length);
        String note = template < 0 ? null
                : String.format(Locale.ROOT, NOTES[template], person[0].split(" ")[0], pick(COMPANY));
        String verdict = note == null ? (random.nextInt(8) == 0 ? "SUSPICIOUS" : "UNEXPLAINED") : pick(VERDICT);
        List<String> reasons = List.of(note == null ? "note.missing" : "note." + verdict.toLowerCase(Locale.ROOT));
        Instant at = START.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        Integer mutual = random.nextBoolean() ? random.nextInt(200) : null;
        return new InvitationRecord(InvitationRecord.idFor(recipient, messageId), recipient, messageId, platform,
                random.nextInt(6) == 0 ? "reminder" : "invitation", person[0], person[1], person[2], person[3],
                person[4], person[5], note, template < 0 ? null : NOTE_LANGUAGE[template], verdict, reasons,
                pick(STATUS), null, at, mutual, random.nextInt(3) == 0 ? random.nextInt(5000) : null);
    }

    /** name, email, headline, company, location, profile url; sometimes someone seen before. */
    private String[] inviter() {
        if (!pastInviters.isEmpty() && random.nextInt(5) == 0) {
            return pastInviters.get(random.nextInt(pastInviters.size()));
        }
        String first = pick(FIRST);
        String last = pick(LAST);
        String company = pick(COMPANY);
        int id = random.nextInt(1_000_000);
        String slug = (first + "-" + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "") + "-" + id;
        String[] person = {first + " " + last,
                random.nextInt(3) == 0 ? null : slug + "@mail" + (id % 50) + ".example",
                pick(ROLE) + " at " + company, company, pick(CITY), "https://www.linkedin.com/in/" + slug};
        if (pastInviters.size() < 50_000) {
            pastInviters.add(person);
        }
        return person;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    public List<InvitationRecord> next(int count) {
        List<InvitationRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }
}
