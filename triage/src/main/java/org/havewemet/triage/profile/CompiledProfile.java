package org.havewemet.triage.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.re2j.Pattern;

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
    /** The brand names split for {@link BrandNames#claims(BrandNames.Name, BrandNames.Brands)}, once per load. */
    public final BrandNames.Brands brands;
    public final CompiledMarks invitationMarks;
    public final CompiledMarks reminderMarks;
    public final CompiledMarks acceptedMarks;
    public final CompiledMarks otherMarks;
    /** Every template line of every language, normalized (see {@code Fuzzy.normalize}): subtracted from notes. */
    public final Set<String> templateLines;
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
        invitationMarks = new CompiledMarks(where + " marks.invitation", profile.marks().invitation());
        reminderMarks = new CompiledMarks(where + " marks.reminder", profile.marks().reminder());
        acceptedMarks = new CompiledMarks(where + " marks.accepted", profile.marks().accepted());
        otherMarks = new CompiledMarks(where + " marks.other", profile.marks().other());
        Set<String> lines = new HashSet<>();
        profile.templateLines().values().forEach(list -> list.forEach(l -> lines.add(TextFolding.words(l))));
        lines.remove("");
        templateLines = Set.copyOf(lines);
        brandNamesLower = profile.brandNames().stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
        brands = new BrandNames.Brands(brandNamesLower);
        senderDomains = Hosts.dottedNormalized(profile.senderDomains());
        List<String> hosts = new ArrayList<>(profile.linkHosts());
        hosts.addAll(profile.senderDomains());
        platformHosts = Hosts.dottedNormalized(hosts);
    }

    /** Header names that the marks of this profile read. */
    public List<String> markedHeaders() {
        List<String> names = new ArrayList<>(invitationMarks.headerNames());
        names.addAll(reminderMarks.headerNames());
        names.addAll(acceptedMarks.headerNames());
        names.addAll(otherMarks.headerNames());
        return names.stream().distinct().toList();
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
