package org.havewemet.triage.profile;

import java.util.List;
import java.util.Map;

/**
 * Rules shared by every platform: footers, closings, generic name patterns, contentless phrases, the cues a note
 * judge looks for, attachment lures and bulk-mail marks.
 */
public record GenericRules(List<String> footers,
                           List<String> closings,
                           List<String> namePatterns,
                           Map<String, List<String>> contentless,
                           Cues cues,
                           List<String> lures,
                           List<String> noticeActions,
                           List<String> bulkUrlPatterns,
                           List<String> dangerousExtensions) {
    public GenericRules {
        footers = Lists.orEmpty(footers);
        closings = Lists.orEmpty(closings);
        namePatterns = Lists.orEmpty(namePatterns);
        contentless = Lists.orEmpty(contentless);
        cues = cues == null ? new Cues(null, null, null, null, null) : cues;
        lures = Lists.orEmpty(lures);
        noticeActions = Lists.orEmpty(noticeActions);
        bulkUrlPatterns = Lists.orEmpty(bulkUrlPatterns);
        dangerousExtensions = Lists.orEmpty(dangerousExtensions);
    }

    /** Patterns for what a note explains: who the inviter is, how they know the recipient, why connect; and pitches. */
    public record Cues(List<String> who, List<String> how, List<String> why, List<String> pitch, List<String> collaboration) {
        public Cues {
            who = Lists.orEmpty(who);
            how = Lists.orEmpty(how);
            why = Lists.orEmpty(why);
            pitch = Lists.orEmpty(pitch);
            collaboration = Lists.orEmpty(collaboration);
        }
    }

    /** Person-to-person connection requests that no platform sent. */
    public record Direct(List<String> subject, List<String> body, Map<String, List<String>> defaultNotes) {
        public Direct {
            subject = Lists.orEmpty(subject);
            body = Lists.orEmpty(body);
            defaultNotes = Lists.orEmpty(defaultNotes);
        }
    }
}
