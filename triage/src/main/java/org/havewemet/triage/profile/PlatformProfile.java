package org.havewemet.triage.profile;

import java.util.List;
import java.util.Map;

/**
 * One network's invitation notices, as data (see platforms.yaml). Every list may be omitted in the YAML and is then
 * empty. Patterns are RE2 syntax; they are compiled by {@link CompiledProfile}.
 *
 * @param replyToReachesMember true when the platform's Reply-To relays to the member (then it is a reply address)
 * @param hasNotes             false for platforms whose notices never carry the member's own words
 * @param showsHeadline        true when the platform's notices show the inviter's headline (missing = empty profile)
 * @param marks                structural marks of each event (headers, link shapes, sender local parts)
 * @param templateLines        per language, the lines every notice of the platform carries (buttons, card labels,
 *                             footers): subtracted from the text to leave the inviter's own words
 */
public record PlatformProfile(String id,
                              List<String> brandNames,
                              List<String> senderDomains,
                              List<String> messageIdPatterns,
                              List<String> linkHosts,
                              List<String> headerMarkers,
                              List<String> identifyingPatterns,
                              boolean replyToReachesMember,
                              boolean hasNotes,
                              boolean showsHeadline,
                              Events events,
                              List<String> displayNameStrip,
                              List<String> namePatterns,
                              List<String> noteStart,
                              List<String> footers,
                              List<String> boilerplate,
                              List<String> acceptLinkPatterns,
                              List<String> invitationIdPatterns,
                              List<String> mutualPatterns,
                              List<String> connectionPatterns,
                              Map<String, List<String>> defaultNotes,
                              Marks marks,
                              Map<String, List<String>> templateLines) {

    public PlatformProfile {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("platform profile without id");
        }
        brandNames = Lists.orEmpty(brandNames);
        senderDomains = Lists.orEmpty(senderDomains);
        messageIdPatterns = Lists.orEmpty(messageIdPatterns);
        linkHosts = Lists.orEmpty(linkHosts);
        headerMarkers = Lists.orEmpty(headerMarkers);
        identifyingPatterns = Lists.orEmpty(identifyingPatterns);
        events = events == null ? new Events(null, null, null, null) : events;
        displayNameStrip = Lists.orEmpty(displayNameStrip);
        namePatterns = Lists.orEmpty(namePatterns);
        noteStart = Lists.orEmpty(noteStart);
        footers = Lists.orEmpty(footers);
        boilerplate = Lists.orEmpty(boilerplate);
        acceptLinkPatterns = Lists.orEmpty(acceptLinkPatterns);
        invitationIdPatterns = Lists.orEmpty(invitationIdPatterns);
        mutualPatterns = Lists.orEmpty(mutualPatterns);
        connectionPatterns = Lists.orEmpty(connectionPatterns);
        defaultNotes = Lists.orEmpty(defaultNotes);
        marks = marks == null ? new Marks(null, null, null, null) : marks;
        templateLines = Lists.orEmpty(templateLines);
    }

    /**
     * The machine-readable marks of each event, which decide it before any wording (so they work in every language):
     * per event, header values ({@code "X-LinkedIn-Class: ^INVITE"}: the header's name, then a pattern on its value),
     * link shapes (patterns on URLs of the platform's hosts) and sender local parts (patterns on the part before '@'
     * of a From on a platform domain).
     */
    public record Marks(EventMarks invitation, EventMarks reminder, EventMarks accepted, EventMarks other) {
        public Marks {
            invitation = invitation == null ? new EventMarks(null, null, null) : invitation;
            reminder = reminder == null ? new EventMarks(null, null, null) : reminder;
            accepted = accepted == null ? new EventMarks(null, null, null) : accepted;
            other = other == null ? new EventMarks(null, null, null) : other;
        }
    }

    /** The marks of one event; see {@link Marks}. */
    public record EventMarks(List<String> headers, List<String> urls, List<String> senders) {
        public EventMarks {
            headers = Lists.orEmpty(headers);
            urls = Lists.orEmpty(urls);
            senders = Lists.orEmpty(senders);
        }
    }

    /** Text patterns (subject and body) that tell which kind of event a notice is about. */
    public record Events(List<String> invitation, List<String> reminder, List<String> accepted, List<String> other) {
        public Events {
            invitation = Lists.orEmpty(invitation);
            reminder = Lists.orEmpty(reminder);
            accepted = Lists.orEmpty(accepted);
            other = Lists.orEmpty(other);
        }
    }
}
