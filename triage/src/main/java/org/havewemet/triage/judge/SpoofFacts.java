package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.BrandNames;
import org.havewemet.triage.profile.Hosts;

/**
 * What the spoof checks read of one mail, worked out once for every platform they test it against: the sender's
 * display name split into tokens, the head of the text, and each distinct host the mail names (normalised, not a
 * platform's, not reserved, with its registrable label). Before, each platform's check redid all of this. One per
 * check of one mail; not shared between threads.
 */
final class SpoofFacts {
    /** A host of the mail worth comparing with the platforms' domains, and its registrable label. */
    record Host(String host, String label) {
    }

    private static final int HEAD_CHARS = 20_000;
    private static final int MAX_LINK_HOSTS = 100;

    private final MailText mail;
    private final Predicate<String> platformHost;
    private final BrandNames.Name sender;
    private String head;
    private List<Host> headerHosts;
    private List<Host> allHosts;

    /** {@code platformHost} says whether a host belongs to any platform (such hosts imitate nothing). */
    SpoofFacts(MailText mail, Predicate<String> platformHost) {
        this.mail = mail;
        this.platformHost = platformHost;
        this.sender = BrandNames.Name.of(mail.fromName());
    }

    MailText mail() {
        return mail;
    }

    /** The sender's display name, split; null when there is none. */
    BrandNames.Name sender() {
        return sender;
    }

    /** The subject and the first {@value #HEAD_CHARS} characters of the text: where a notice's wording is. */
    String head() {
        if (head == null) {
            head = mail.subject() + "\n" + mail.text().substring(0, Math.min(HEAD_CHARS, mail.text().length()));
        }
        return head;
    }

    /** The hosts of From, Return-Path, a real Message-ID domain and Reply-To; with the links' hosts after them. */
    List<Host> hosts(boolean withLinks) {
        if (headerHosts == null) {
            headerHosts = analyse(headerHostNames(), List.of());
        }
        if (!withLinks) {
            return headerHosts;
        }
        if (allHosts == null) {
            Set<String> names = headerHostNames();
            mail.links().stream().limit(MAX_LINK_HOSTS).forEach(l -> add(names, l.host()));
            allHosts = analyse(names, headerHosts);
        }
        return allHosts;
    }

    private Set<String> headerHostNames() {
        Set<String> hosts = new LinkedHashSet<>();
        add(hosts, mail.fromDomain());
        add(hosts, mail.returnPathDomain());
        if (Hosts.hasPublicSuffix(mail.messageIdHost())) {
            // Message-ID hosts are often internal names ("web081.twitter.com.tmail"): judge only real domains.
            add(hosts, mail.messageIdHost());
        }
        if (mail.replyTo() != null && mail.replyTo().contains("@")) {
            add(hosts, mail.replyTo().substring(mail.replyTo().lastIndexOf('@') + 1));
        }
        return hosts;
    }

    /** Keeps the order; the hosts already analysed in {@code known} (a prefix of {@code names}) are reused. */
    private List<Host> analyse(Set<String> names, List<Host> known) {
        List<Host> out = new ArrayList<>();
        for (String host : names) {
            Host done = known.stream().filter(h -> h.host().equals(host)).findFirst().orElse(null);
            if (done != null) {
                out.add(done);
                continue;
            }
            if (platformHost.test(host) || Hosts.isReserved(host)) {
                continue;
            }
            Optional<String> label = Hosts.label(host);
            label.ifPresent(l -> out.add(new Host(host, l)));
        }
        return out;
    }

    private static void add(Set<String> hosts, String host) {
        String h = Hosts.normalize(host);
        if (h != null) {
            hosts.add(h);
        }
    }
}
