package org.havewemet.reply;

import javax.mail.Part;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Judges the inviter's answer to our "Have we met?" question: a named person who introduced them
 * (MUTUAL_ACQUAINTANCE), a shared event, group, interest or purpose (SHARED_CONTEXT), or nothing of the sort
 * (NOT_MET_NO_REASON). Only the new text counts: quotes, attribution lines and signatures are removed first.
 * Rules in English, French, German and Spanish. Never throws.
 */
public final class AnswerClassifier {
    /** The verdict and the phrase that decided it (empty for NOT_MET_NO_REASON). */
    public record Classification(AnswerKind kind, String evidence) {
    }

    /** Classifies an answer message (text/plain preferred, HTML as fallback). */
    public AnswerKind classify(Part answer) {
        return explain(AnswerText.of(answer)).kind();
    }

    /** Classifies the text of an answer; quoted parts are removed here. */
    public AnswerKind classify(String answerText) {
        return explain(AnswerText.newText(answerText)).kind();
    }

    /** Classifies already-stripped new text and tells why. */
    public Classification explain(String newText) {
        String text = newText == null ? "" : newText.replace('\u2019', '\'').replace('\u00a0', ' ');
        for (Pattern pattern : AnswerPatterns.MUTUAL) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (AnswerPatterns.isName(m.group("name"))) {
                    return new Classification(AnswerKind.MUTUAL_ACQUAINTANCE, AnswerPatterns.evidence(m.group(), false));
                }
            }
        }
        for (String clause : AnswerPatterns.CLAUSE.split(text)) {
            for (Pattern pattern : AnswerPatterns.SHARED) {
                Matcher m = pattern.matcher(clause);
                while (m.find()) {
                    if (!AnswerPatterns.NEGATION.matcher(clause.substring(0, m.start())).find()) {
                        return new Classification(AnswerKind.SHARED_CONTEXT, AnswerPatterns.evidence(m.group(), true));
                    }
                }
            }
        }
        return new Classification(AnswerKind.NOT_MET_NO_REASON, "");
    }
}
