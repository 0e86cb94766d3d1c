package org.havewemet.it.triage;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.mail.MessagingException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.InternetHeaders;

import org.havewemet.it.HaveWeMetJames;
import org.havewemet.it.triage.LabelledFixtures.Fixture;
import org.havewemet.triage.accuracy.LabelledMail;

/**
 * The mails of {@link TriageThroughServerIT}, read once when the class loads (the server's users and configuration
 * depend on them): every labelled mail with its own user {@code m0001@havewemet.test}..., and the server's
 * {@code havewemet.yaml}: the test defaults, a global reply limit high enough never to hold a reply back (each user
 * gets at most one mail, so the per-user limit never matters), and each user's alias, the mail's first To address.
 */
final class ThroughServerMails {
    private static final System.Logger LOG = System.getLogger(ThroughServerMails.class.getName());

    private final List<Fixture> all;
    private final Map<String, Fixture> byUser = new LinkedHashMap<>();
    private final String yaml;
    private final String header;

    private ThroughServerMails(List<Fixture> all, String header) {
        this.all = List.copyOf(all);
        all.forEach(f -> byUser.put(f.user(), f));
        this.header = header;
        StringBuilder y = new StringBuilder(HaveWeMetJames.TEST_YAML)
            .append("replies:\n  globalRatePerHour: 1000000\n  aliases:\n");
        for (Fixture f : all) {
            firstTo(f.bytes()).ifPresent(to -> y.append("    ").append(quoted(f.user())).append(": [")
                .append(quoted(to)).append("]\n"));
        }
        this.yaml = y.toString();
    }

    static ThroughServerMails load() {
        List<Fixture> all = new ArrayList<>();
        StringBuilder header = new StringBuilder("havewemet: labelled mails through a real James 3.8.1 (SMTP in; IMAP "
            + "folders, replies at GreenMail, drafts)\nchecks per mail: folder, reply, draft (see LabelChecks); "
            + "server=triage: the server did what ConfiguredTriage + the reply policy decide\n");
        for (String split : LabelledFixtures.GENERALIZATION) {
            add(all, split, LabelledFixtures.generalization(split));
        }
        Optional<Path> corpus = LabelledFixtures.sharedCorpus();
        if (corpus.isPresent()) {
            for (Map.Entry<String, List<LabelledMail>> folder : LabelledFixtures.shared(corpus.get())) {
                add(all, folder.getKey(), folder.getValue());
            }
        } else {
            String skipped = "shared corpus not found, its part is skipped: expected "
                + LabelledFixtures.expectedSharedCorpus();
            LOG.log(System.Logger.Level.WARNING, skipped);
            header.append(skipped).append('\n');
        }
        return new ThroughServerMails(all, header.toString());
    }

    private static void add(List<Fixture> into, String split, List<LabelledMail> rows) {
        for (LabelledMail row : rows) {
            String user = String.format(Locale.ROOT, "m%04d@%s", into.size() + 1, HaveWeMetJames.DOMAIN);
            into.add(new Fixture(split, row, LabelledFixtures.bytes(row), user));
        }
    }

    List<Fixture> all() {
        return all;
    }

    String[] users() {
        return byUser.keySet().toArray(String[]::new);
    }

    Fixture byUser(String user) {
        return byUser.get(user);
    }

    String yaml() {
        return yaml;
    }

    String header() {
        return header;
    }

    /** The mail's first To address, when it has one that a configuration accepts as an address. */
    private static Optional<String> firstTo(byte[] mail) {
        try {
            String to = new InternetHeaders(new ByteArrayInputStream(mail)).getHeader("To", ",");
            if (to == null) {
                return Optional.empty();
            }
            InternetAddress[] addresses = InternetAddress.parseHeader(to, false);
            for (InternetAddress address : addresses) {
                String a = address.getAddress();
                if (a != null && a.indexOf('@') > 0 && a.indexOf('@') == a.lastIndexOf('@')
                    && !a.endsWith("@") && a.chars().noneMatch(Character::isWhitespace)) {
                    return Optional.of(a.toLowerCase(Locale.ROOT));
                }
            }
            return Optional.empty();
        } catch (MessagingException unreadable) {
            return Optional.empty();
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
