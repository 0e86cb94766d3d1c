package org.havewemet.mailet;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.havewemet.triage.Invitation;

/**
 * The features a user's own model learns from: the words of the note (lower case, letters and digits, at most
 * {@link #MAX_WORDS}), whether there is a note at all, its length class, the platform and whether mutual
 * connections are few. Computed from the invitation alone, so the same features come from a delivery and from the
 * index record of a corrected one.
 */
final class NoteFeatures {
    static final int MAX_WORDS = 60;
    private static final int MIN_WORD = 3;

    private NoteFeatures() {
    }

    static Set<String> of(Invitation invitation) {
        return of(invitation.note(), invitation.platform(), invitation.mutualConnections());
    }

    static Set<String> of(String note, String platform, Integer mutualConnections) {
        Set<String> features = new LinkedHashSet<>();
        String text = note == null ? "" : note.strip();
        features.add(text.isEmpty() ? "note:none" : text.length() < 80 ? "note:short" : "note:long");
        features.add("platform:" + (platform == null ? "none" : platform.toLowerCase(Locale.ROOT)));
        if (mutualConnections != null) {
            features.add(mutualConnections <= 2 ? "mutual:few" : "mutual:some");
        }
        StringBuilder word = new StringBuilder();
        int words = 0;
        for (int i = 0; i <= text.length() && words < MAX_WORDS; i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                if (word.length() >= MIN_WORD) {
                    features.add("w:" + word);
                    words++;
                }
                word.setLength(0);
            }
        }
        return features;
    }
}
