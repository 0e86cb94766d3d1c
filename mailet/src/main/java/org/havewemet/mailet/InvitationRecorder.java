package org.havewemet.mailet;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.havewemet.triage.TriageResult;

/** Records one processed invitation (the last step of the one-way flow: parse, judge, act, record). */
@FunctionalInterface
public interface InvitationRecorder {
    void record(Mail mail, MailAddress recipient, TriageResult result, ReplyOutcome outcome) throws Exception;
}
