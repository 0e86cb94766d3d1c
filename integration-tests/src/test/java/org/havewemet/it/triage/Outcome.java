package org.havewemet.it.triage;

import java.util.List;
import java.util.Locale;

/**
 * What happened to one mail for its user, in the terms a user sees: the IMAP folder it is in, and whether a
 * "Have we met?" reply reached the outside world (to whom) or a draft was saved.
 *
 * @param folders  the folders holding the mail (exactly one when nothing is lost or duplicated)
 * @param replyTo  the addresses the replies went to (at most one)
 * @param drafts   how many drafts were saved
 */
record Outcome(List<String> folders, List<String> replyTo, int drafts) {
    Outcome {
        folders = List.copyOf(folders);
        replyTo = replyTo.stream().map(a -> a.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    static Outcome of(String folder, String replyTo, boolean draft) {
        return new Outcome(List.of(folder), replyTo == null ? List.of() : List.of(replyTo), draft ? 1 : 0);
    }

    boolean replied() {
        return !replyTo.isEmpty();
    }

    boolean drafted() {
        return drafts > 0;
    }

    /** The one folder, or null when the mail is lost or in several. */
    String folder() {
        return folders.size() == 1 ? folders.get(0) : null;
    }

    /** The folder and the kind of answer, without addresses (what may be said about a held-out mail). */
    String summary() {
        String where = folders.isEmpty() ? "no folder (lost)" : String.join("+", folders);
        return where + (replyTo.isEmpty() ? "" : " reply") + (drafts == 0 ? "" : " draft")
            + (replyTo.isEmpty() && drafts == 0 ? " no answer" : "");
    }

    @Override
    public String toString() {
        String where = folders.isEmpty() ? "no folder (lost)" : String.join("+", folders);
        String answer = replyTo.isEmpty() ? "" : " reply to " + String.join(",", replyTo);
        return where + answer + (drafts == 0 ? "" : drafts == 1 ? " draft" : " " + drafts + " drafts")
            + (replyTo.isEmpty() && drafts == 0 ? " no answer" : "");
    }
}
