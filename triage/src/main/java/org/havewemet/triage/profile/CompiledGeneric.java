package org.havewemet.triage.profile;

import com.google.re2j.Pattern;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link GenericRules} and the direct-request rules, compiled. */
public final class CompiledGeneric {
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
        dangerousExtensions = rules.dangerousExtensions().stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
