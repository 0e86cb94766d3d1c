package org.havewemet.triage.profile;

import java.util.List;
import java.util.Map;

/**
 * Rules shared by every platform: footers, closings, generic name patterns, contentless phrases, attachment lures
 * and bulk-mail marks. (The note judge's cues are per-language files, judge/cues/*.yaml.)
 */
public record GenericRules(List<String> footers,
                           List<String> closings,
                           List<String> namePatterns,
                           Map<String, List<String>> contentless,
                           List<String> lures,
                           List<String> noticeActions,
                           List<String> bulkUrlPatterns,
                           List<String> dangerousExtensions,
                           Unlisted unlisted,
                           List<String> replyPrefixes,
                           List<String> quoteIntros,
                           Suspicion suspicion,
                           Signals signals,
                           List<String> gateWords) {
    public GenericRules {
        footers = Lists.orEmpty(footers);
        closings = Lists.orEmpty(closings);
        namePatterns = Lists.orEmpty(namePatterns);
        contentless = Lists.orEmpty(contentless);
        lures = Lists.orEmpty(lures);
        noticeActions = Lists.orEmpty(noticeActions);
        bulkUrlPatterns = Lists.orEmpty(bulkUrlPatterns);
        dangerousExtensions = Lists.orEmpty(dangerousExtensions);
        unlisted = unlisted == null ? new Unlisted(null, null, null, null, null, null) : unlisted;
        replyPrefixes = Lists.orEmpty(replyPrefixes);
        quoteIntros = Lists.orEmpty(quoteIntros);
        suspicion = suspicion == null ? new Suspicion(null, null, null, null, null, null) : suspicion;
        signals = signals == null ? new Signals(null, null, null) : signals;
        gateWords = Lists.orEmpty(gateWords);
    }

    /**
     * What makes a note concrete in any language: month names (folded), words for a named gathering, titles that
     * introduce a third person ("Herr", "Pak", "Dr").
     */
    public record Signals(List<String> months, List<String> events, List<String> titles) {
        public Signals {
            months = Lists.orEmpty(months);
            events = Lists.orEmpty(events);
            titles = Lists.orEmpty(titles);
        }
    }

    /**
     * Networks that no profile lists: wording of "X invites you to join / connect / follow / be friends / chat" in many
     * languages (the profile's events and name patterns), accepted only with a structural sign of a service notice:
     * an invite token in a link, an accept and a decline link, or a service address as sender.
     *
     * @param profile        the pseudo platform "other": events, namePatterns, footers, boilerplate, templateLines
     * @param inviteLinks    patterns on link URLs that carry an invitation (referrer ids, invite tokens, sign-up paths)
     * @param serviceSenders patterns on the sender's local part of a service's notice address
     * @param acceptWords    link texts that accept an invitation (any language)
     * @param declineWords   link texts that decline or ignore it (any language)
     * @param notInvitation  wording that makes a mail a referral or a tool invitation, not a request to connect
     */
    public record Unlisted(PlatformProfile profile, List<String> inviteLinks, List<String> serviceSenders,
                           List<String> acceptWords, List<String> declineWords, List<String> notInvitation) {
        public Unlisted {
            profile = profile == null ? new PlatformProfile("other", null, null, null, null, null, null, false, true,
                false, null, null, null, null, null, null, null, null, null, null, null, null, null) : profile;
            inviteLinks = Lists.orEmpty(inviteLinks);
            serviceSenders = Lists.orEmpty(serviceSenders);
            acceptWords = Lists.orEmpty(acceptWords);
            declineWords = Lists.orEmpty(declineWords);
            notInvitation = Lists.orEmpty(notInvitation);
        }
    }

    /**
     * Marks of spam and phishing that borrow an invitation's words, in any language.
     *
     * @param accountLures   "verify / confirm / cancel your account", "unusual sign-in": phishing of a platform account
     * @param scamWords      romance / advance-fee / dating / money wording
     * @param hostingHosts   hosts that serve anyone's pages (cloud storage, form builders): odd for a notice's links
     * @param freeMailDomains address domains anyone can register: a Reply-To there, unlike the From, is a scam sign
     * @param shorteners     link shorteners that hide where an action leads
     * @param cheapTlds      top-level domains spam registers by the thousand
     */
    public record Suspicion(List<String> accountLures, List<String> scamWords, List<String> hostingHosts,
                            List<String> freeMailDomains, List<String> shorteners, List<String> cheapTlds) {
        public Suspicion {
            accountLures = Lists.orEmpty(accountLures);
            scamWords = Lists.orEmpty(scamWords);
            hostingHosts = Lists.orEmpty(hostingHosts);
            freeMailDomains = Lists.orEmpty(freeMailDomains);
            shorteners = Lists.orEmpty(shorteners);
            cheapTlds = Lists.orEmpty(cheapTlds);
        }
    }

    /**
     * Person-to-person connection requests that no platform sent.
     *
     * @param networks names of networks and messengers, as people write them in any script ("LinkedIn", "لينكدإن",
     *                 "카카오톡"): plain words, matched as prefixes ("Facebooku", "LinkedIn'den")
     * @param asks     the words of asking to be added or accepted, in any language (patterns); a network's name and an
     *                 ask in one sentence make a connection request
     * @param notAsks  what makes such a sentence no request: thanks for an invitation already accepted, a company's
     *                 "connect with us on LinkedIn"
     */
    public record Direct(List<String> subject, List<String> body, Map<String, List<String>> defaultNotes,
                         List<String> networks, List<String> asks, List<String> notAsks) {
        public Direct {
            subject = Lists.orEmpty(subject);
            body = Lists.orEmpty(body);
            defaultNotes = Lists.orEmpty(defaultNotes);
            networks = Lists.orEmpty(networks);
            asks = Lists.orEmpty(asks);
            notAsks = Lists.orEmpty(notAsks);
        }
    }
}
