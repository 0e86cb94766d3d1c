package org.havewemet.triage.judge;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.havewemet.triage.Reason;
import org.havewemet.triage.profile.TextFolding;

/**
 * What the inviter's card says about the two people, in no particular language: an inviter whose headline or company
 * names the organisation of the recipient's address works there too (a colleague), and a note that names the
 * recipient's organisation says where they know each other from. The organisation is the registrable label of the
 * address's domain ("acme" of j.doe@mail.acme.co.uk); free-mail providers and the names reserved for examples
 * (RFC 2606) name no organisation.
 */
final class CardSignals {
    /** Second-level labels under which a country registers names ("co.uk", "com.br", "ac.jp"). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "ac", "edu", "gov", "org", "net", "ne", "or", "go");
    private static final Set<String> RESERVED = Set.of("example", "test", "invalid", "localhost");
    private static final int MIN_LABEL = 3;

    private final List<String> freeMailDomains;

    CardSignals(List<String> freeMailDomains) {
        this.freeMailDomains = freeMailDomains;
    }

    double score(String note, NoteJudge.Signals signals, List<Reason> reasons) {
        if (signals == null) {
            return 0;
        }
        String org = organisation(signals.recipientAddress());
        if (org == null) {
            return 0;
        }
        double score = 0;
        String card = " " + TextFolding.words(nullToEmpty(signals.headline()) + " " + nullToEmpty(signals.inviterCompany())) + " ";
        if (card.contains(" " + org + " ")) {
            reasons.add(new Reason("SHARED_ORGANISATION", 1.0, "the inviter's card names the recipient's organisation (" + org + ")"));
            score += 1.0;
        }
        if ((" " + TextFolding.words(note) + " ").contains(" " + org + " ")) {
            reasons.add(new Reason("NAMES_RECIPIENTS_ORGANISATION", 0.75, "the note names the recipient's organisation (" + org + ")"));
            score += 0.75;
        }
        return score;
    }

    /** The organisation label of an address, folded, or null when it names none. */
    String organisation(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        while (domain.endsWith(".") || domain.endsWith(">")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (at < 0 || domain.isEmpty() || isFreeMail(domain)) {
            return null;
        }
        String[] labels = labels(domain);
        if (labels.length < 2) {
            return null;
        }
        int i = labels.length - 2;
        if (i > 0 && SECOND_LEVEL.contains(labels[i]) && labels[labels.length - 1].length() == 2) {
            i--;
        }
        String label = TextFolding.words(labels[i]);
        return label.length() < MIN_LABEL || RESERVED.contains(label) ? null : label;
    }

    private boolean isFreeMail(String domain) {
        for (String free : freeMailDomains) {
            if (domain.equals(free) || domain.endsWith("." + free)) {
                return true;
            }
        }
        return false;
    }

    private static String[] labels(String domain) {
        int count = 1;
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) == '.') {
                count++;
            }
        }
        String[] out = new String[count];
        int start = 0;
        int n = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i == domain.length() || domain.charAt(i) == '.') {
                out[n++] = domain.substring(start, i);
                start = i + 1;
            }
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
