package org.havewemet.triage.profile;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.re2j.Pattern;

/** {@link GenericRules} and the direct-request rules, compiled. */
public final class CompiledGeneric {
    /** The id of the pseudo platform of networks that no profile lists. */
    public static final String UNLISTED = "other";
    public final GenericRules rules;
    public final GenericRules.Direct direct;
    public final List<Pattern> footers;
    public final List<Pattern> closings;
    public final List<Pattern> names;
    public final List<Pattern> lures;
    public final List<Pattern> noticeActions;
    public final List<Pattern> bulkUrls;
    public final List<Pattern> directSubject;
    public final List<Pattern> directBody;
    /** A network's name and an ask to be added or accepted in one sentence ({@link GenericRules.Direct}). */
    public final Pattern directAskOnNetwork;
    public final List<Pattern> directNotAsks;
    public final Set<String> dangerousExtensions;
    /** The pseudo platform "other" of networks no profile lists. */
    public final CompiledProfile unlisted;
    public final List<Pattern> inviteLinks;
    public final List<Pattern> serviceSenders;
    public final List<Pattern> acceptWords;
    public final List<Pattern> declineWords;
    public final List<Pattern> notInvitation;
    public final List<Pattern> replyPrefixes;
    public final List<Pattern> quoteIntros;
    public final List<Pattern> accountLures;
    public final List<Pattern> scamWords;
    public final List<String> hostingHosts;
    public final List<String> freeMailDomains;
    public final List<String> shorteners;
    public final List<String> cheapTlds;
    /** A month name, a gathering's word (both on folded text), a title before a capitalized name (raw text). */
    public final Pattern month;
    public final Pattern gathering;
    public final Pattern titledName;

    CompiledGeneric(GenericRules rules, GenericRules.Direct direct) {
        this.rules = rules;
        this.direct = direct;
        footers = Rx.compile("generic.footers", rules.footers());
        closings = Rx.compile("generic.closings", rules.closings());
        names = Rx.compile("generic.namePatterns", rules.namePatterns());
        lures = Rx.compile("generic.lures", rules.lures());
        noticeActions = Rx.compile("generic.noticeActions", rules.noticeActions());
        bulkUrls = Rx.compile("generic.bulkUrlPatterns", rules.bulkUrlPatterns());
        directSubject = Rx.compile("direct.subject", direct.subject());
        directBody = Rx.compile("direct.body", direct.body());
        directAskOnNetwork = askOnNetwork(direct.networks(), direct.asks());
        directNotAsks = Rx.compile("direct.notAsks", direct.notAsks());
        GenericRules.Unlisted u = rules.unlisted();
        unlisted = new CompiledProfile(u.profile());
        inviteLinks = Rx.compile("generic.unlisted.inviteLinks", u.inviteLinks());
        serviceSenders = Rx.compile("generic.unlisted.serviceSenders", u.serviceSenders());
        acceptWords = Rx.compile("generic.unlisted.acceptWords", u.acceptWords());
        declineWords = Rx.compile("generic.unlisted.declineWords", u.declineWords());
        notInvitation = Rx.compile("generic.unlisted.notInvitation", u.notInvitation());
        replyPrefixes = Rx.compile("generic.replyPrefixes", rules.replyPrefixes());
        quoteIntros = Rx.compile("generic.quoteIntros", rules.quoteIntros());
        accountLures = Rx.compile("generic.suspicion.accountLures", rules.suspicion().accountLures());
        scamWords = Rx.compile("generic.suspicion.scamWords", rules.suspicion().scamWords());
        hostingHosts = lower(rules.suspicion().hostingHosts());
        freeMailDomains = lower(rules.suspicion().freeMailDomains());
        shorteners = lower(rules.suspicion().shorteners());
        cheapTlds = lower(rules.suspicion().cheapTlds());
        month = words("generic.signals.months", rules.signals().months());
        gathering = words("generic.signals.events", rules.signals().events());
        titledName = titles(rules.signals().titles());
        dangerousExtensions = rules.dangerousExtensions().stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** One pattern matching any of the words on folded text: ASCII words whole, other scripts as prefixes (stems). */
    private static Pattern words(String where, List<String> list) {
        if (list.isEmpty()) {
            return Rx.compile(where, "$^");
        }
        StringBuilder sb = new StringBuilder("(?:^| )(?:");
        boolean first = true;
        for (String w : list) {
            String f = TextFolding.words(w);
            if (f.isEmpty()) {
                continue;
            }
            sb.append(first ? "" : "|").append(Pattern.quote(f));
            if (f.chars().allMatch(ch -> ch < 128)) {
                sb.append("(?: |$)");
            }
            first = false;
        }
        return Rx.compile(where, sb.append(')').toString());
    }

    /**
     * Either order within one sentence: "add me on Facebook", "LinkedIn'den bağlantı isteği gönderdim". Latin names
     * start at a word boundary; names in other scripts may carry a prefix ("בלינקדאין").
     */
    private static Pattern askOnNetwork(List<String> networks, List<String> asks) {
        if (networks.isEmpty() || asks.isEmpty()) {
            return Rx.compile("direct.asks", "$^");
        }
        StringBuilder net = new StringBuilder("(?:");
        boolean first = true;
        for (String n : networks) {
            String lower = n.toLowerCase(Locale.ROOT);
            boolean latin = lower.chars().allMatch(ch -> ch < 128);
            net.append(first ? "" : "|").append(latin ? "\\b" : "").append(Pattern.quote(lower));
            first = false;
        }
        net.append(')');
        String ask = "(?:" + String.join("|", asks) + ")";
        String gap = "[^.!?。！？\\n]{0,60}?";
        return Rx.compile("direct.asks", net + gap + ask + "|" + ask + gap + net);
    }

    /** "Herr Krüger", "Pak Hendra", "Dr. Okafor": a title, then a capitalized word (case-sensitive). */
    private static Pattern titles(List<String> titles) {
        if (titles.isEmpty()) {
            return Pattern.compile("$^");
        }
        StringBuilder sb = new StringBuilder("(?:^|[^\\p{L}])(?:");
        boolean first = true;
        for (String t : titles) {
            String cap = t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
            sb.append(first ? "" : "|").append(Pattern.quote(cap));
            first = false;
        }
        return Pattern.compile(sb.append(")\\.? \\p{Lu}\\p{Ll}+").toString());
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }
}
