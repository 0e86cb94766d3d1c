package org.havewemet.bench;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * A deterministic mailbox of N connection invitations, as the notices and mails people really get: LinkedIn in its
 * 2010, 2016 and 2024 layouts (several languages), XING, Viadeo and plain "let's connect" mails. Mail {@code i} depends
 * only on the seed and {@code i}, so both sides of a benchmark can regenerate the same mailbox without holding it.
 *
 * <p>About 40% carry no personal note (the platform's default sentence instead). Notes mention shared words a person
 * would search for: conferences (KubeCon, FOSDEM, ...), companies (Acme often, Vandelay Industries rarely), topics
 * ("open source", Lucene, ...), cities. Inviters come from a pool of N/4 people, so many invite more than once.
 * Dates spread over 2009 to 2025 by layout era, always in UTC.
 */
public final class InvitationMails {
    /** The mailbox owner: the single user of both sides. */
    public static final String RECIPIENT_NAME = "Dana Reyes";

    static final String[] FIRST = {"Maria", "José", "Jean-Luc", "Priya", "Hans", "Zoë", "Li", "Fatima", "Olga",
        "Kwame", "Sven", "Ana", "Hiroshi", "Aisha", "Pierre", "Giulia", "Mateusz", "Chloé", "Ahmed", "Emma", "Noah",
        "Sofia", "Lucas", "Mia", "Ravi", "Ingrid", "Tomás", "Yuki", "Nadia", "Omar"};
    static final String[] LAST = {"Gómez", "Picard", "Raman", "Müller", "Dupont", "Wei", "El Amrani", "Ivanova",
        "Mensah", "Andersson", "Silva", "Tanaka", "Bello", "Martin", "Rossi", "Kowalski", "Lefèvre", "Hassan", "Smith",
        "Johnson", "García", "Nguyen", "Schmidt", "Kumar", "Larsen", "O'Brien", "Novak", "Okafor", "Berg", "Costa"};
    private static final String[] ROLE = {"Software Engineer", "Recruiter", "Talent Acquisition Partner",
        "Head of Sales", "Data Scientist", "Product Manager", "CTO", "Founder", "Consultant", "Architect",
        "Marketing Lead", "HR Business Partner", "Investor", "Site Reliability Engineer", "Account Executive"};
    /** Acme is common (searched as a frequent word); Vandelay Industries is rare (one person in 200). */
    private static final String[] COMPANY = {"Acme", "Acme", "Acme", "Initech", "Globex", "Hooli", "Umbrella",
        "Stark Industries", "Nordwind", "Kyoto Robotics", "Lagos Fintech", "Wayne Enterprises", "Freelance"};
    private static final String RARE_COMPANY = "Vandelay Industries";
    private static final String[] CITY = {"Paris", "Madrid", "München", "Bangalore", "Lagos", "Tokyo", "São Paulo",
        "New York", "London", "Stockholm", "Warszawa", "Lyon", "Boston", "Nairobi", "Montréal"};
    private static final String[] CONFERENCE = {"KubeCon", "KubeCon", "FOSDEM", "ApacheCon", "Devoxx", "JAX",
        "PyCon", "Berlin Buzzwords"};
    private static final String[] TOPIC = {"Lucene", "mail servers", "search engines", "DMARC reporting",
        "Kubernetes operators", "open source licensing", "IMAP performance", "spam filtering"};

    private static final String[] NOTES_EN = {
        "We met at %CONF% in %CITY% last year, I was the one asking about %TOPIC%. Would love to stay in touch.",
        "I enjoyed your talk on %TOPIC% at %CONF%; we are working on something similar at %COMPANY% and I would"
            + " like to compare notes.",
        "I read your post about %TOPIC% and I maintain an open source project in the same space. Could we talk"
            + " about a collaboration?",
        "I am a recruiter at %COMPANY% and we have an opening for a %ROLE% in %CITY% that matches your background.",
        "We worked together on the %TOPIC% migration at %COMPANY% back in 2012, it would be great to reconnect."};
    private static final String[] NOTES_FR = {
        "Nous nous sommes rencontrés à %CONF% à %CITY%, j'ai beaucoup aimé votre présentation sur %TOPIC%.",
        "Je travaille chez %COMPANY% sur %TOPIC% et j'aimerais échanger avec vous sur votre projet open source."};
    private static final String[] NOTES_DE = {
        "Wir haben uns auf der %CONF% in %CITY% kennengelernt, ich arbeite bei %COMPANY% an %TOPIC%.",
        "Ich habe Ihren Vortrag über %TOPIC% auf der %CONF% gesehen und würde gerne mit Ihnen in Kontakt bleiben."};
    private static final String[] NOTES_ES = {
        "Nos conocimos en %CONF% en %CITY%; trabajo en %COMPANY% y me interesa mucho tu trabajo sobre %TOPIC%."};

    private static final Instant[][] ERA = {
        {Instant.parse("2009-01-01T00:00:00Z"), Instant.parse("2013-01-01T00:00:00Z")},
        {Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z")},
        {Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")}};

    private final long seed;
    private final int count;
    private final int people;

    public InvitationMails(long seed, int count) {
        this.seed = seed;
        this.count = count;
        this.people = Math.max(50, count / 4);
    }

    public int size() {
        return count;
    }

    /** One inviter of the pool, the same for every mail that picks index {@code p}. */
    record Person(String first, String last, String role, String company, String city, String slug, String domain) {
        String name() {
            return first + " " + last;
        }

        String headline() {
            return role + " at " + company;
        }

        String address() {
            return slug.replace('-', '.') + "@" + domain;
        }
    }

    Person person(int p) {
        Random r = new Random(seed * 1_000_003L + p * 7_919L + 17);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String company = r.nextInt(200) == 0 ? RARE_COMPANY : COMPANY[r.nextInt(COMPANY.length)];
        String slug = ascii(first + "-" + last) + "-" + p;
        // Neutral domains: an address like jan@acme.example would make IMAP's substring search find "Acme" in headers.
        String domain = "mx" + (p % 40) + ".example";
        String role = ROLE[r.nextInt(ROLE.length)];
        return new Person(first, last, role, company, CITY[r.nextInt(CITY.length)], slug, domain);
    }

    /** The RFC 5322 bytes of mail {@code i} (0-based). */
    public byte[] mail(int i) {
        return MimeRenderer.render(draft(i));
    }

    /** What mail {@code i} says, before MIME encoding. */
    public MimeRenderer.Draft draft(int i) {
        Random r = new Random(seed * 31L + i * 1_000_033L);
        Person who = person(r.nextInt(people));
        int layout = r.nextInt(100);
        boolean withNote = r.nextInt(10) >= 4;
        String messageId = "<" + Integer.toHexString(i) + "." + Long.toHexString(seed) + "@bench.havewemet.test>";
        if (layout < 35) {
            return InvitationLayouts.linkedIn2024(who, withNote ? note(r, who, NOTES_EN) : null, date(r, 2), messageId,
                r.nextInt(80));
        }
        if (layout < 65) {
            String lang = new String[] {"en", "en", "fr", "de", "es", "it", "pt"}[r.nextInt(7)];
            String note = !withNote ? null : note(r, who, switch (lang) {
                case "fr" -> NOTES_FR;
                case "de" -> NOTES_DE;
                case "es" -> NOTES_ES;
                default -> NOTES_EN;
            });
            return InvitationLayouts.linkedIn2016(who, note, lang, date(r, 1), messageId);
        }
        if (layout < 70) {
            return InvitationLayouts.linkedIn2010(who, withNote ? note(r, who, NOTES_EN) : null, date(r, 0), messageId);
        }
        if (layout < 80) {
            return InvitationLayouts.xing(who, withNote ? note(r, who, NOTES_DE) : null, date(r, r.nextInt(3)),
                messageId);
        }
        if (layout < 85) {
            return InvitationLayouts.viadeo(who, withNote ? note(r, who, NOTES_FR) : null, date(r, r.nextInt(2)),
                messageId);
        }
        return InvitationLayouts.direct(who, withNote ? note(r, who, NOTES_EN) : null, date(r, r.nextInt(3)),
            messageId);
    }

    private static String note(Random r, Person who, String[] pool) {
        String template = pool[r.nextInt(pool.length)];
        return template.replace("%CONF%", CONFERENCE[r.nextInt(CONFERENCE.length)])
            .replace("%CITY%", CITY[r.nextInt(CITY.length)])
            .replace("%TOPIC%", TOPIC[r.nextInt(TOPIC.length)])
            .replace("%COMPANY%", r.nextInt(3) == 0 ? COMPANY[r.nextInt(COMPANY.length)] : who.company())
            .replace("%ROLE%", ROLE[r.nextInt(ROLE.length)]);
    }

    /** A second-precision instant inside the layout's era. */
    private static Instant date(Random r, int era) {
        long from = ERA[era][0].getEpochSecond();
        long span = ERA[era][1].getEpochSecond() - from;
        return Instant.ofEpochSecond(from + (long) (r.nextDouble() * span));
    }

    private static String ascii(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z-]", "");
    }
}
