package org.havewemet.mailet;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.havewemet.triage.TriageResult;

/** Answers (or drafts an answer to) one invitation for one local recipient, following the reply policy. */
@FunctionalInterface
public interface InvitationResponder {
    ReplyOutcome respond(Mail mail, MailAddress recipient, TriageResult result) throws Exception;
}
