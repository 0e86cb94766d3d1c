package org.havewemet.triage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.mail.internet.MimeMessage;

import org.havewemet.triage.judge.DefaultNotes;
import org.havewemet.triage.judge.NoteJudge;
import org.havewemet.triage.judge.NoteLanguage;
import org.havewemet.triage.judge.SpoofDetector;
import org.havewemet.triage.judge.SuspicionSigns;
import org.havewemet.triage.mime.MailText;
import org.havewemet.triage.mime.MimeText;
import org.havewemet.triage.profile.CompiledProfile;
import org.havewemet.triage.profile.Hosts;
import org.havewemet.triage.profile.PlatformProfiles;

/**
 * The triage engine: reads the mail (bounded), recognises the platform and event, extracts the inviter and note,
 * checks for spoofing, asks {@link KnownInviters}, and judges the note. Data flows one way: parse, then judge.
 * Thread-safe; never throws from {@link #triage}.
 */
public final class InvitationTriage implements Triage {
    private final PlatformProfiles profiles;
    private final JudgeSettings settings;
    private final KnownInviters known;
    private final PlatformRecognizer recognizer;
    private final InviterExtractor inviters;
    private final NoteExtractor notes;
    private final NoteJudge judge;
    private final SpoofDetector spoof;
    private final SuspicionSigns suspicion;
    private final InvitationGate gate;
    private final boolean gateEnabled;
    private final List<String> headerMarkers;
    private final Map<String, DefaultNotes> defaults = new HashMap<>();
    private final DefaultNotes directDefaults;

    public InvitationTriage(PlatformProfiles profiles, JudgeSettings settings, KnownInviters known) {
        this(profiles, settings, known, true);
    }

    /** {@code gate} false runs the full triage on every mail (to check that the gate never changes a verdict). */
    InvitationTriage(PlatformProfiles profiles, JudgeSettings settings, KnownInviters known, boolean gate) {
        this.gateEnabled = gate;
        this.profiles = profiles;
        this.settings = settings;
        this.known = known == null ? KnownInviters.NOBODY : known;
        this.recognizer = new PlatformRecognizer(profiles);
        this.inviters = new InviterExtractor(profiles);
        this.notes = new NoteExtractor(profiles.generic());
        this.judge = new NoteJudge(profiles.generic(), settings);
        this.spoof = new SpoofDetector(profiles, settings);
        this.suspicion = new SuspicionSigns(profiles);
        List<String> markers = new ArrayList<>();
        for (CompiledProfile p : profiles.platforms()) {
            markers.addAll(p.profile().headerMarkers());
            markers.addAll(p.markedHeaders());
        }
        this.headerMarkers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).distinct().toList();
        this.gate = new InvitationGate(profiles, headerMarkers);
        Map<String, List<String>> contentless = profiles.generic().rules.contentless();
        for (CompiledProfile p : profiles.platforms()) {
            defaults.put(p.id(), new DefaultNotes().add(p.profile().defaultNotes(), false).add(contentless, true));
        }
        CompiledProfile other = profiles.generic().unlisted;
        defaults.put(other.id(), new DefaultNotes().add(other.profile().defaultNotes(), false).add(contentless, true));
        this.directDefaults = new DefaultNotes().add(profiles.generic().direct.defaultNotes(), false).add(contentless, true);
    }

    /** The engine with the shipped platform profiles and default thresholds. */
    public static InvitationTriage withDefaults(KnownInviters known) {
        return new InvitationTriage(PlatformProfiles.loadDefault(), JudgeSettings.defaults(), known);
    }

    @Override
    public TriageResult triage(MimeMessage message, String envelopeSender, String recipient) {
        try {
            return decide(MimeText.read(message, headerMarkers), envelopeSender, recipient);
        } catch (RuntimeException | StackOverflowError e) {
            return TriageResult.notInvitation(new Reason("MALFORMED_MIME", 0.0, "unreadable mail: " + e));
        }
    }

    private TriageResult decide(MailText mail, String envelopeSender, String recipient) {
        List<Reason> problems = mail.problems().stream().map(p -> new Reason("MALFORMED_MIME", 0.0, p)).toList();
        if (gateEnabled && !gate.mayBeInvitation(mail)) {
            // Ordinary mail: no platform mark and none of the words an invitation needs; the full triage is skipped.
            return notInvitation(new Reason("NOT_AN_INVITATION", 0.0, "no platform notice and no connection request"), problems);
        }
        Optional<PlatformRecognizer.Recognition> recognized = recognizer.recognize(mail);
        Optional<CompiledProfile> claimed = recognized.isEmpty() || recognized.get().direct() || recognized.get().unlisted()
                ? spoof.claimedPlatform(mail) : Optional.empty();
        if (recognized.isEmpty() && claimed.isEmpty()) {
            return notInvitation(new Reason("NOT_AN_INVITATION", 0.0, "no platform notice and no connection request"), problems);
        }
        PlatformRecognizer.Recognition r = claimed.isPresent() ? recognizer.claimed(mail, claimed.get()) : recognized.get();
        boolean invitationLike = r.direct() || r.event() == EventKind.INVITATION || r.event() == EventKind.REMINDER;
        List<Reason> spoofReasons = new ArrayList<>(spoof.inspect(mail, r.unlisted() ? null : r.platform(), invitationLike));
        if (r.direct() || r.unlisted()) {
            spoofReasons.addAll(spoof.bulkMarks(mail));
        }
        spoofReasons.addAll(suspicion.inspect(mail, r.direct() || r.unlisted()));
        Invitation invitation = extract(mail, r, envelopeSender);
        double suspicion = spoofReasons.stream().mapToDouble(Reason::weight).sum();
        if (r.unlisted() && r.evidence().stream().anyMatch(e -> e.code().equals(UnlistedNetworks.WORDING_ONLY))
                && suspicion < settings.suspiciousThreshold()) {
            return notInvitation(new Reason("NOT_AN_INVITATION", 0.0, "invitation words, but neither a notice nor a "
                + "connection request"), problems);
        }
        if (suspicion >= settings.suspiciousThreshold()) {
            return new TriageResult(Optional.of(invitation), Verdict.SUSPICIOUS, concat(r.evidence(), spoofReasons, problems));
        }
        if (!invitationLike) {
            if (r.event() == EventKind.ACCEPTED) {
                // Not an invitation to judge, but about one: the responder needs the inviter for its thank-you draft.
                return new TriageResult(Optional.of(invitation), Verdict.NOT_INVITATION, concat(r.evidence(), problems));
            }
            return notInvitation(new Reason("NOT_AN_INVITATION", 0.0, r.platform().id() + " notice about "
                    + r.event().name().toLowerCase(Locale.ROOT) + ", not an invitation"), replyNote(r, problems));
        }
        Inviter inviter = invitation.inviter();
        if (known.isKnown(recipient, inviter.email(), inviter.name())) {
            return new TriageResult(Optional.of(invitation), Verdict.KNOWN, concat(r.evidence(),
                    List.of(new Reason("KNOWN_INVITER", 1.0, "the recipient already corresponds with " + describe(inviter))), problems));
        }
        NoteJudge.Judgement j = judge.judge(invitation.note(),
                r.direct() ? directDefaults : defaults.get(r.platform().id()),
                new NoteJudge.Signals(invitation.mutualConnections(), invitation.connections(), inviter.headline(),
                        !r.direct() && r.platform().profile().showsHeadline(), inviter.name(), mail.toName(),
                        inviter.company(), recipient));
        Invitation withLanguage = withLanguage(invitation, j.language() != null ? j.language() : NoteLanguage.detector().guess(mail.text().substring(0, Math.min(1000, mail.text().length()))));
        return new TriageResult(Optional.of(withLanguage), j.personal() ? Verdict.PERSONAL : Verdict.UNEXPLAINED,
                concat(r.evidence(), spoofReasons, j.reasons(), problems));
    }

    private Invitation extract(MailText mail, PlatformRecognizer.Recognition r, String envelopeSender) {
        CompiledProfile platform = r.platform();
        String name = r.unlisted() ? inviters.unlistedName(mail) : inviters.name(mail, platform);
        NoteExtractor.Extracted ex = (platform == null || platform.profile().hasNotes())
                ? notes.extract(mail.text(), platform, name, mail.toName())
                : new NoteExtractor.Extracted(null, null, null);
        String ownAddress = r.unlisted() ? null : ownAddress(mail, platform);
        String reply;
        if (r.direct()) {
            reply = envelopeSender != null && envelopeSender.contains("@") ? envelopeSender : ownAddress;
        } else if (ownAddress != null) {
            reply = ownAddress;
        } else if (!r.unlisted() && platform.profile().replyToReachesMember() && mail.replyTo() != null) {
            reply = mail.replyTo();
        } else {
            reply = null;
        }
        String acceptUrl = InvitationFacts.acceptUrl(mail, platform);
        Inviter inviter = new Inviter(name, ex.headline(), InvitationFacts.company(ex.headline()), ex.location(),
                ownAddress, InvitationFacts.profileUrl(mail, platform, name));
        return new Invitation(r.direct() ? Invitation.DIRECT : platform.id(), r.event(), inviter, ex.note(), null,
                acceptUrl, InvitationFacts.invitationId(mail, platform, acceptUrl),
                platform == null ? null : InvitationFacts.count(mail, platform.mutual),
                platform == null ? null : InvitationFacts.count(mail, platform.connections),
                reply);
    }

    /** The inviter's own address: the From of a direct request or of a notice sent in the inviter's name. */
    private static String ownAddress(MailText mail, CompiledProfile platform) {
        String from = mail.fromAddress();
        String domain = mail.fromDomain();
        if (from == null || domain == null || Hosts.isReserved(domain)) {
            return null;
        }
        if (platform != null && platform.isPlatformHost(domain)) {
            return null;
        }
        return from;
    }

    private static Invitation withLanguage(Invitation i, String language) {
        return new Invitation(i.platform(), i.event(), i.inviter(), i.note(), language, i.acceptUrl(), i.invitationId(),
                i.mutualConnections(), i.connections(), i.replyAddress());
    }

    /** The REPLY_TO_NOTICE reason (when the mail is a reply quoting a notice) before the parse problems. */
    private static List<Reason> replyNote(PlatformRecognizer.Recognition r, List<Reason> problems) {
        List<Reason> reasons = new ArrayList<>(r.evidence().stream().filter(e -> e.code().equals("REPLY_TO_NOTICE")).toList());
        reasons.addAll(problems);
        return reasons;
    }

    private static TriageResult notInvitation(Reason reason, List<Reason> problems) {
        return new TriageResult(Optional.empty(), Verdict.NOT_INVITATION, concat(List.of(reason), problems));
    }

    @SafeVarargs
    private static List<Reason> concat(List<Reason>... lists) {
        List<Reason> all = new ArrayList<>();
        for (List<Reason> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static String describe(Inviter inviter) {
        return inviter.name() != null ? inviter.name() : String.valueOf(inviter.email());
    }

    public PlatformProfiles profiles() {
        return profiles;
    }
}
