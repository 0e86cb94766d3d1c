package org.havewemet.triage.profile;

/**
 * The case-folded form of the text last matched on this thread: triage matches many pattern lists against the same
 * subject, head and body strings, so folding each only once saves most of the prefilter's own cost.
 */
final class Folded {
    private static final ThreadLocal<Folded> LAST = ThreadLocal.withInitial(Folded::new);
    private static final int SLOTS = 4;

    private final CharSequence[] texts = new CharSequence[SLOTS];
    private final String[] folded = new String[SLOTS];
    private int next;

    private Folded() {
    }

    static String of(CharSequence text) {
        if (!(text instanceof String)) {
            return RequiredLiterals.fold(text);
        }
        Folded cache = LAST.get();
        for (int k = 0; k < SLOTS; k++) {
            if (cache.texts[k] == text) {
                return cache.folded[k];
            }
        }
        String result = RequiredLiterals.fold(text);
        cache.texts[cache.next] = text;
        cache.folded[cache.next] = result;
        cache.next = (cache.next + 1) % SLOTS;
        return result;
    }
}
