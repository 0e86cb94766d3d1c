package org.havewemet.triage.profile;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;

/** A {@link PlatformProfile} with its patterns compiled once at load time. */
public final class CompiledProfile {
    private final PlatformProfile profile;
    public final List<Pattern> messageId;
    public final List<Pattern> identifying;
    public final List<Pattern> invitation;
    public final List<Pattern> reminder;
    public final List<Pattern> accepted;
    public final List<Pattern> other;
    public final List<Pattern> displayNameStrip;
    public final List<Pattern> names;
    public final List<Pattern> noteStart;
    public final List<Pattern> footers;
    public final List<Pattern> boilerplate;
    public final List<Pattern> acceptLinks;
    public final List<Pattern> invitationIds;
    public final List<Pattern> mutual;
    public final List<Pattern> connections;
    public final List<String> brandNamesLower;
    private final String[] senderDomains;
    private final String[] platformHosts;

    public CompiledProfile(PlatformProfile profile) {
        this.profile = profile;
        String where = "platform " + profile.id();
        messageId = Rx.compile(where, profile.messageIdPatterns());
        identifying = Rx.compile(where, profile.identifyingPatterns());
        invitation = Rx.compile(where, profile.events().invitation());
        reminder = Rx.compile(where, profile.events().reminder());
        accepted = Rx.compile(where, profile.events().accepted());
        other = Rx.compile(where, profile.events().other());
        displayNameStrip = Rx.compile(where, profile.displayNameStrip());
        names = Rx.compile(where, profile.namePatterns());
        noteStart = Rx.compile(where, profile.noteStart());
        footers = Rx.compile(where, profile.footers());
        boilerplate = Rx.compile(where, profile.boilerplate());
        acceptLinks = Rx.compile(where, profile.acceptLinkPatterns());
        invitationIds = Rx.compile(where, profile.invitationIdPatterns());
        mutual = Rx.compile(where, profile.mutualPatterns());
        connections = Rx.compile(where, profile.connectionPatterns());
        brandNamesLower = profile.brandNames().stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
        senderDomains = Hosts.dottedNormalized(profile.senderDomains());
        List<String> hosts = new java.util.ArrayList<>(profile.linkHosts());
        hosts.addAll(profile.senderDomains());
        platformHosts = Hosts.dottedNormalized(hosts);
    }

    public PlatformProfile profile() {
        return profile;
    }

    public String id() {
        return profile.id();
    }

    /** True when the host is one of the platform's sender domains, or a subdomain of one. */
    public boolean isSenderDomain(String host) {
        return Hosts.withinNormalized(Hosts.normalize(host), senderDomains);
    }

    /** True when the host belongs to the platform (sender domains or link hosts, subdomains included). */
    public boolean isPlatformHost(String host) {
        return Hosts.withinNormalized(Hosts.normalize(host), platformHosts);
    }
}
