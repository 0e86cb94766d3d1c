package org.havewemet.triage.profile;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link GenericRules} and the direct-request rules, compiled. */
public final class CompiledGeneric {
    /** The id of the pseudo platform of networks that no profile lists. */
    public static final String UNLISTED = "other";
    public final GenericRules rules;
    public final GenericRules.Direct direct;
    public final List<Pattern> footers;
    public final List<Pattern> closings;
    public final List<Pattern> names;
    public final List<Pattern> who;
    public final List<Pattern> how;
    public final List<Pattern> why;
    public final List<Pattern> pitch;
    public final List<Pattern> collaboration;
    public final List<Pattern> lures;
    public final List<Pattern> noticeActions;
    public final List<Pattern> bulkUrls;
    public final List<Pattern> directSubject;
    public final List<Pattern> directBody;
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

    CompiledGeneric(GenericRules rules, GenericRules.Direct direct) {
        this.rules = rules;
        this.direct = direct;
        footers = Rx.compile("generic.footers", rules.footers());
        closings = Rx.compile("generic.closings", rules.closings());
        names = Rx.compile("generic.namePatterns", rules.namePatterns());
        who = Rx.compile("generic.cues.who", rules.cues().who());
        how = Rx.compile("generic.cues.how", rules.cues().how());
        why = Rx.compile("generic.cues.why", rules.cues().why());
        pitch = Rx.compile("generic.cues.pitch", rules.cues().pitch());
        collaboration = Rx.compile("generic.cues.collaboration", rules.cues().collaboration());
        lures = Rx.compile("generic.lures", rules.lures());
        noticeActions = Rx.compile("generic.noticeActions", rules.noticeActions());
        bulkUrls = Rx.compile("generic.bulkUrlPatterns", rules.bulkUrlPatterns());
        directSubject = Rx.compile("direct.subject", direct.subject());
        directBody = Rx.compile("direct.body", direct.body());
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
        dangerousExtensions = rules.dangerousExtensions().stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static List<String> lower(List<String> hosts) {
        return hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }
}
