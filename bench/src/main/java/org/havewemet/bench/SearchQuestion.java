package org.havewemet.bench;

import java.util.List;

import org.havewemet.bench.RawImapClient.Literal;

/**
 * One question a person asks of their invitations, in both languages: havewemet's query syntax and the IMAP
 * {@code UID SEARCH} keys that ask the same of a mailbox ({@link Literal} for non-ASCII text).
 *
 * @param expectation why the two hit counts may differ, printed beside them
 */
record SearchQuestion(String label, String ours, List<Object> imap, String expectation) {

    /** The fixed question mix: rare and frequent words, names, a phrase, dates, combinations. */
    static List<SearchQuestion> mix() {
        return List.of(
            new SearchQuestion("rare company", "Vandelay", List.of("TEXT", "Vandelay"),
                "ours fewer: triage extracts no headline from the signature of direct mails and XING notices"),
            new SearchQuestion("frequent company", "Acme", List.of("TEXT", "Acme"),
                "ours fewer: as above (signature headlines of direct mails and XING notices)"),
            new SearchQuestion("conference", "KubeCon", List.of("TEXT", "KubeCon"), "same: only notes name it"),
            new SearchQuestion("inviter surname", "from:Kowalski", List.of("FROM", "Kowalski"),
                "same: display name of the From header = extracted inviter name"),
            new SearchQuestion("non-ASCII surname", "from:Müller", List.of("FROM", new Literal("Müller")),
                "same: IMAP decodes the RFC 2047 From name; ours folds accents (the generator writes only Müller)"),
            new SearchQuestion("phrase", "\"open source\"", List.of("TEXT", "\"open source\""),
                "same: only notes say it"),
            new SearchQuestion("one quarter", "after:2019-01-01 before:2019-04-01",
                List.of("SENTSINCE", "1-Jan-2019", "SENTBEFORE", "1-Apr-2019"),
                "same if triage recognised every mail of the quarter (ours = invitations only)"),
            new SearchQuestion("word + date", "KubeCon after:2024-01-01",
                List.of("TEXT", "KubeCon", "SENTSINCE", "1-Jan-2024"), "same"),
            new SearchQuestion("two words", "Lucene Tokyo", List.of("TEXT", "Lucene", "TEXT", "Tokyo"),
                "same: Tokyo is a location (2024 layout) or in a note"));
    }

    /** The IMAP keys as they appear on the wire (literals shown inline). */
    String imapText() {
        StringBuilder b = new StringBuilder("UID SEARCH");
        for (Object k : imap) {
            b.append(' ').append(k instanceof Literal l ? "{" + l.text() + "}" : k);
        }
        return b.toString();
    }
}
