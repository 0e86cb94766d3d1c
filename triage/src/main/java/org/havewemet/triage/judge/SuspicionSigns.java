package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.havewemet.triage.Reason;
import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.CompiledGeneric;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Marks of spam and phishing that borrow an invitation's or a platform's words, whatever platform (if any) the mail
 * claims: links to a bare IP address or a punycode host, pages on hosting services anyone can use, shortened
 * action links, account-phishing and scam wording, a sender without an address, a Reply-To that leads elsewhere.
 */
public final class SuspicionSigns {
    private static final int MAX_LINKS = 100;
    /** A sign-in page: an invitation's link leads to the network, never straight to a password form. */
    private static final Pattern CREDENTIAL_PAGE = Pattern.compile(
        "(?i)^https?://[^/]+/(?:[^?#]*/)?(?:log[-_]?in|sign[-_]?in|logon|auth|oauth2?/authorize|owa|verify|webscr|account/confirm)(?:[./?#]|$)");
    private static final Pattern PERSONAL_QUERY = Pattern.compile("(?i)[?&](?:e-?mail|user|login|u)=[^&#]*(?:@|%40)|[?&]e-?mail=");
    private static final int TEXT_CHARS = 32 * 1024;
    private static final Pattern HOST_IN_TEXT = Pattern.compile("(?i)\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.){1,4}[a-z]{2,12}\\b");

    private final CompiledGeneric generic;

    public SuspicionSigns(PlatformProfiles profiles) {
        this.generic = profiles.generic();
    }

    /**
     * @param personToPerson a direct request or an unlisted network's notice: a Reply-To elsewhere is then a sign
     */
    public List<Reason> inspect(MailText mail, boolean personToPerson) {
        List<Reason> reasons = new ArrayList<>();
        links(mail, reasons);
        String text = mail.subject() + "\n" + (mail.fromName() == null ? "" : mail.fromName()) + "\n" + (mail.text().length() > TEXT_CHARS ? mail.text().substring(0, TEXT_CHARS) : mail.text());
        if (Rx.any(generic.accountLures, text)) {
            reasons.add(new Reason("ACCOUNT_LURE", 2.5, "asks to verify, confirm or save an account: phishing wording"));
        }
        int scam = Rx.count(generic.scamWords, text);
        if (scam > 0) {
            // One such phrase can be chance; two or more are the script of a scam.
            double weight = scam >= 2 ? 3.0 : 2.0;
            reasons.add(new Reason("SCAM_WORDING", weight, "romance, dating, money or advance-fee wording (" + scam + ")"));
        }
        if (mail.fromAddress() == null || mail.fromDomain() == null) {
            reasons.add(new Reason("SENDER_HIDDEN", 1.5, "the From header names no address"));
        }
        if (personToPerson) {
            replyToElsewhere(mail, reasons);
            undisclosed(mail, reasons);
        }
        domainInSubject(mail, reasons);
        String domain = mail.fromDomain() == null ? "" : mail.fromDomain().toLowerCase(Locale.ROOT);
        int dot = domain.lastIndexOf('.');
        if (dot >= 0 && generic.cheapTlds.contains(domain.substring(dot + 1))) {
            reasons.add(new Reason("CHEAP_TLD_SENDER", 1.5, "sent from a ." + domain.substring(dot + 1) + " domain"));
        }
        return reasons;
    }

    private void links(MailText mail, List<Reason> reasons) {
        boolean ip = false;
        boolean puny = false;
        boolean hosted = false;
        boolean shortened = false;
        boolean credential = false;
        int seen = 0;
        for (MailText.Link link : mail.links()) {
            if (++seen > MAX_LINKS) {
                break;
            }
            String host = link.host();
            if (host == null) {
                continue;
            }
            if (!ip && Hosts.isIpLiteral(host)) {
                ip = true;
                reasons.add(new Reason("BARE_IP_LINK", 4.0, "a link goes to the bare address " + host));
            }
            if (!puny && Hosts.isPunycode(host)) {
                puny = true;
                reasons.add(new Reason("PUNYCODE_LINK", 2.0, "a link goes to the punycode host " + host));
            }
            if (!hosted && Hosts.withinAny(host, generic.hostingHosts)) {
                hosted = true;
                reasons.add(new Reason("HOSTED_PAGE_LINK", 2.0, "a link goes to a page anyone can host on " + host));
            }
            if (!credential && CREDENTIAL_PAGE.matcher(link.url()).find()) {
                credential = true;
                boolean personal = PERSONAL_QUERY.matcher(link.url()).find();
                // A service's own sign-in page ("log in to see the request") is weak alone; another site's is a phish.
                boolean ownSite = sameSite(host, mail.fromDomain());
                reasons.add(new Reason("CREDENTIAL_LINK", personal ? 3.0 : ownSite ? 1.5 : 2.5, "a link leads to a sign-in page"
                    + (personal ? " with the recipient's address filled in" : "") + " on " + host
                    + (ownSite && !personal ? ", the sender's own site" : "")));
            }
            if (!shortened && Hosts.withinAny(host, generic.shorteners)) {
                shortened = true;
                reasons.add(new Reason("SHORTENED_LINK", 1.0, "a link hides its target behind " + host));
            }
        }
    }

    private static boolean sameSite(String host, String fromDomain) {
        if (fromDomain == null) {
            return false;
        }
        Optional<String> linkSite = Hosts.registrable(host);
        return linkSite.isPresent() && linkSite.equals(Hosts.registrable(fromDomain));
    }

    private void replyToElsewhere(MailText mail, List<Reason> reasons) {
        String replyTo = mail.replyTo();
        if (replyTo == null || !replyTo.contains("@") || mail.fromDomain() == null) {
            return;
        }
        String replyDomain = replyTo.substring(replyTo.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String fromDomain = mail.fromDomain().toLowerCase(Locale.ROOT);
        if (replyDomain.equals(fromDomain) || Hosts.within(replyDomain, List.of(fromDomain))
                || Hosts.within(fromDomain, List.of(replyDomain))) {
            return;
        }
        // A person asking to connect answers from their own address; a free-mail Reply-To elsewhere is the classic
        // scam, any other domain a weaker sign.
        boolean free = generic.freeMailDomains.contains(replyDomain);
        reasons.add(new Reason("REPLY_TO_ELSEWHERE", free ? 2.0 : 1.5, "replies would go to " + replyDomain
            + ", not to the sender's " + fromDomain));
    }

    /** A request to connect with one person sent to nobody visible: "undisclosed-recipients:;", an empty group. */
    private static void undisclosed(MailText mail, List<Reason> reasons) {
        List<String> to = mail.header("to");
        String value = to.isEmpty() ? "" : to.get(0).strip();
        if (to.isEmpty() || value.isEmpty() || value.endsWith(":;") || value.endsWith(": ;")) {
            reasons.add(new Reason("UNDISCLOSED_RECIPIENTS", 1.5, "no visible recipient: " + (value.isEmpty()
                ? "no To" : value)));
        }
    }

    /**
     * A host name in the subject that is not the sender's ("join CLAIM 2.45 BTC - payout.example.xyz"): notices name
     * people and services, not other sites to visit.
     */
    private static void domainInSubject(MailText mail, List<Reason> reasons) {
        Matcher m = HOST_IN_TEXT.matcher(mail.subject());
        while (m.find()) {
            String host = m.group().toLowerCase(Locale.ROOT);
            String from = mail.fromDomain() == null ? "" : mail.fromDomain().toLowerCase(Locale.ROOT);
            Optional<String> label = Hosts.label(host);
            if (label.isPresent() && !from.contains(label.get()) && Hosts.hasPublicSuffix(host)) {
                reasons.add(new Reason("FOREIGN_HOST_IN_SUBJECT", 1.5, "the subject names the site " + host));
                return;
            }
        }
    }
}
