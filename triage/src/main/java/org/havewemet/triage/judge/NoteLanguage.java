package org.havewemet.triage.judge;

/** Names the language of a short text as an ISO 639-1 code ("no" for Norwegian), or null when it has none. */
public interface NoteLanguage {
    String guess(String text);

    /** The detector triage uses: a script rule, then Lingua on the languages the platforms send in. */
    static NoteLanguage detector() {
        return LinguaNoteLanguage.INSTANCE;
    }
}
