package org.havewemet.triage.judge;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.havewemet.triage.JudgeSettings;
import org.havewemet.triage.Reason;
import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.profile.BrandNames;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.PlatformProfiles;
import org.havewemet.triage.profile.Rx;

import com.google.re2j.Pattern;

/**
 * Finds what makes a mail that looks like an invitation a fake: a platform's name on a foreign domain, lookalike
 * domains (edit distance or homoglyphs), failed authentication reported by a trusted MTA, action links leaving the
 * platform, dangerous attachments (judged by name and type only) and attachment lures.
 */
public final class SpoofDetector {
    private static final Pattern ACTION = Pattern.compile(
            "(?i)\\b(accept|confirm|join|view|click|sign ?in|sign ?up|log ?in|respond|reply|see (the )?invitation|aceptar|confirma|accepter|annehmen|aceitar|accetta|terima"
                + "|conferma|confirmer|confirmar|best.tigen|bevestig|potwierd\\pL*|onayla|kabul et|verifica|verificar|v.rifier|verifizieren|ver perfil|voir|ansehen|bekijk|visualizza|acceptera|accepteren|akceptuj)\\b"
                + "|(принять|подтвердить|войти|承認|確認|确认|接受|查看|확인|수락|تأكيد|قبول|אישור|स्वीकार)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE = Pattern.compile(" ");
    private static final Pattern SEMICOLON = Pattern.compile(";");
    private static final Pattern AUTH_FAIL = Pattern.compile("(?i)\\b(dkim|spf|dmarc)=fail\\b");
    private static final Set<String> DANGEROUS_TYPES = Set.of("application/x-msdownload", "application/x-msdos-program",
            "application/zip", "application/x-zip-compressed", "application/x-rar-compressed", "application/java-archive",
            "application/x-dosexec", "application/vnd.ms-htmlhelp", "text/html", "application/x-iso9660-image");

    private final PlatformProfiles profiles;
    private final JudgeSettings settings;
    /** Per platform, the registrable labels of its sender domains: configuration, so worked out once here. */
    private final Map<CompiledProfile, List<String>> realLabels = new IdentityHashMap<>();

    public SpoofDetector(PlatformProfiles profiles, JudgeSettings settings) {
        this.profiles = profiles;
        this.settings = settings;
        for (CompiledProfile p : profiles.platforms()) {
            List<String> labels = new ArrayList<>();
            for (String domain : p.profile().senderDomains()) {
                Hosts.label(domain).ifPresent(labels::add);
            }
            realLabels.put(p, List.copyOf(labels));
        }
    }

    /** The platform whose name or lookalike domain a mail from elsewhere uses, if any. */
    public Optional<CompiledProfile> claimedPlatform(MailText mail) {
        SpoofFacts facts = facts(mail);
        for (CompiledProfile p : profiles.platforms()) {
            if ((brandOnForeignDomain(facts, p) && (looksLikeNotice(facts, p) || accountLure(facts)))
                    || lookalikeHost(facts, p, false).isPresent()
                    || (brandInContent(mail, p) && !fromPlatform(mail, p) && (looksLikeNotice(facts, p) || accountLure(facts))
                        && actionLinkOutside(mail, p))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The brand in the subject or in a link's text: the mail speaks in the platform's name. */
    private static boolean brandInContent(MailText mail, CompiledProfile p) {
        String subject = mail.subject().toLowerCase(Locale.ROOT);
        for (String brand : p.brandNamesLower) {
            if (brand.length() >= 4 && subject.contains(brand)) {
                return true;
            }
        }
        for (MailText.Link link : mail.links()) {
            String context = link.context() == null || link.context().length() > 80 ? "" : link.context().toLowerCase(Locale.ROOT);
            for (String brand : p.brandNamesLower) {
                if (brand.length() >= 4 && context.contains(brand) && !p.isPlatformHost(link.host())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean fromPlatform(MailText mail, CompiledProfile p) {
        return mail.fromDomain() != null && p.isSenderDomain(mail.fromDomain());
    }

    private static boolean actionLinkOutside(MailText mail, CompiledProfile p) {
        for (MailText.Link link : mail.links()) {
            String context = link.context() == null ? "" : link.context();
            if (link.host() != null && !p.isPlatformHost(link.host()) && context.length() <= 80
                    && ACTION.matcher(context).find()) {
                return true;
            }
        }
        return false;
    }

    private boolean accountLure(SpoofFacts facts) {
        return Rx.any(profiles.generic().accountLures, facts.head());
    }

    private SpoofFacts facts(MailText mail) {
        return new SpoofFacts(mail, this::isAnyPlatformHost);
    }

    /** Spoof reasons for a mail recognised as (or claiming to be) from the given platform; direct when null. */
    public List<Reason> inspect(MailText mail, CompiledProfile platform, boolean invitationLike) {
        List<Reason> reasons = new ArrayList<>();
        SpoofFacts facts = facts(mail);
        for (CompiledProfile p : profiles.platforms()) {
            if (brandOnForeignDomain(facts, p)) {
                // A platform's name alone (a user group, a newsletter) is weak; with notice wording it is a fake notice.
                boolean notice = looksLikeNotice(facts, p);
                reasons.add(new Reason("PLATFORM_NAME_FOREIGN_DOMAIN", notice ? 4.0 : 2.0,
                        "display name '" + mail.fromName() + "' claims " + p.id() + " but the sender domain is " + mail.fromDomain()
                                + (notice ? ", with the wording of a notice" : "")));
            }
            lookalikeHost(facts, p, p == platform).ifPresent(host -> reasons.add(new Reason("LOOKALIKE_DOMAIN", 5.0,
                    host + " imitates a " + p.id() + " domain")));
        }
        if (platform != null) {
            authFailures(mail, platform, reasons);
            foreignActionLinks(mail, platform, reasons);
        }
        if (invitationLike || platform != null) {
            attachments(mail, reasons);
            if (Rx.any(profiles.generic().lures, mail.text().substring(0, Math.min(64 * 1024, mail.text().length())))) {
                reasons.add(new Reason("ATTACHMENT_LURE", 4.0, "an invitation notice never asks to open an attachment"));
            }
        }
        return reasons;
    }

    /** Bulk-mail marks on a person-to-person request. */
    public List<Reason> bulkMarks(MailText mail) {
        List<Reason> reasons = new ArrayList<>();
        if (mail.hasHeader("list-unsubscribe-post")) {
            reasons.add(new Reason("BULK_ONE_CLICK_UNSUBSCRIBE", 2.0, "List-Unsubscribe-Post: sent by a mailing campaign"));
        } else if (mail.hasHeader("list-unsubscribe") && !mail.hasHeader("list-post")) {
            reasons.add(new Reason("BULK_UNSUBSCRIBE", 1.0, "List-Unsubscribe without a discussion list"));
        }
        boolean tracked = mail.links().stream().anyMatch(l -> Rx.any(profiles.generic().bulkUrls, l.url()));
        if (tracked) {
            reasons.add(new Reason("CAMPAIGN_TRACKING_LINKS", 2.0, "links go through campaign tracking"));
        }
        return reasons;
    }

    /** Subject or body use the platform's event wording or a notice's call to action. */
    private boolean looksLikeNotice(SpoofFacts facts, CompiledProfile p) {
        String head = facts.head();
        return Rx.any(p.invitation, head) || Rx.any(p.reminder, head) || Rx.any(p.accepted, head) || Rx.any(p.other, head)
                || Rx.any(profiles.generic().noticeActions, head);
    }

    private boolean brandOnForeignDomain(SpoofFacts facts, CompiledProfile p) {
        String domain = facts.mail().fromDomain();
        if (facts.sender() == null || domain == null || Hosts.isReserved(domain) || p.isSenderDomain(domain)) {
            return false;
        }
        return BrandNames.claims(facts.sender(), p.brands);
    }

    private Optional<String> lookalikeHost(SpoofFacts facts, CompiledProfile p, boolean withLinks) {
        List<String> reals = realLabels.get(p);
        for (SpoofFacts.Host host : facts.hosts(withLinks)) {
            for (String real : reals) {
                if (imitates(host.label(), real, host.host()) || subdomainImitates(host.host(), host.label(), real)) {
                    return Optional.of(host.host());
                }
            }
        }
        return Optional.empty();
    }

    private boolean isAnyPlatformHost(String host) {
        return profiles.platforms().stream().anyMatch(p -> p.isPlatformHost(host));
    }

    /** "linkedin-verify.evil.example" or "viadeo-compte.example.fr": the brand put in front of someone else's domain. */
    private static boolean subdomainImitates(String host, String registrableLabel, String real) {
        if (real.length() < 5) {
            return false;
        }
        for (String part : parts(host)) {
            if (!part.equals(registrableLabel) && (part.startsWith(real + "-") || part.endsWith("-" + real))) {
                return true;
            }
        }
        return false;
    }

    static boolean imitates(String label, String real, String host) {
        if (real.length() < 5 || label.equals(real)) {
            return false;
        }
        if (host.contains(real + ".") || label.startsWith(real + "-") || label.endsWith("-" + real)) {
            return true;
        }
        for (String part : parts(label)) {
            if (!part.equals(real) && part.length() >= 5 && skeleton(part).equals(skeleton(real))) {
                return true;
            }
        }
        if (real.length() < 6) {
            return false;
        }
        // Two edits only for long names: "konnektu" is a word of its own, not "konnects" misspelled.
        int allowed = real.length() >= 10 ? 2 : 1;
        return Math.abs(label.length() - real.length()) <= allowed && Fuzzy.editDistance(label, real) <= allowed;
    }

    /** The label's parts between '-' and '.'. */
    private static List<String> parts(String label) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= label.length(); i++) {
            if (i == label.length() || label.charAt(i) == '-' || label.charAt(i) == '.') {
                parts.add(label.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }

    /** Maps characters that look alike to one representative: "1inkedln" and "linkedin" share a skeleton. */
    static String skeleton(String s) {
        return s.toLowerCase(Locale.ROOT).replace("rn", "m").replace("vv", "w").replace("cl", "d")
                .replace('0', 'o').replace('1', 'l').replace('i', 'l').replace('|', 'l').replace('5', 's').replace('3', 'e');
    }

    private void authFailures(MailText mail, CompiledProfile platform, List<Reason> reasons) {
        if (mail.fromDomain() == null || !platform.isSenderDomain(mail.fromDomain())) {
            return;
        }
        for (String header : mail.header("authentication-results")) {
            String h = WHITESPACE.matcher(header).replaceAll(" ").strip();
            int semi = h.indexOf(';');
            String servId = SPACE.split((semi < 0 ? h : h.substring(0, semi)).strip())[0].toLowerCase(Locale.ROOT);
            boolean trusted = settings.trustedAuthServIds().stream().anyMatch(t -> t.equalsIgnoreCase(servId));
            if (trusted && AUTH_FAIL.matcher(h).find()) {
                reasons.add(new Reason("AUTHENTICATION_FAILED", 5.0, servId + " reports failed authentication for " + mail.fromDomain()));
                return;
            }
        }
    }

    private void foreignActionLinks(MailText mail, CompiledProfile platform, List<Reason> reasons) {
        for (MailText.Link link : mail.links()) {
            if (link.host() == null || platform.isPlatformHost(link.host()) || Hosts.isReserved(link.host())) {
                continue;
            }
            String context = link.context() == null ? "" : link.context();
            if (context.length() <= 80 && ACTION.matcher(context).find()) {
                reasons.add(new Reason("FOREIGN_ACTION_LINK", 3.0, "'" + context + "' leads to " + link.host() + ", outside " + platform.id()));
                return;
            }
        }
    }

    private void attachments(MailText mail, List<Reason> reasons) {
        for (MailText.Attachment a : mail.attachments()) {
            String name = a.filename() == null ? "" : a.filename().toLowerCase(Locale.ROOT).strip();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            String type = a.contentType() == null ? "" : SEMICOLON.split(a.contentType())[0].strip();
            if (profiles.generic().dangerousExtensions.contains(ext) || DANGEROUS_TYPES.contains(type)) {
                reasons.add(new Reason("DANGEROUS_ATTACHMENT", 4.0, "attachment " + (name.isEmpty() ? type : name)));
                return;
            }
        }
    }
}
