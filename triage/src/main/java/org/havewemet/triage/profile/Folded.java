package org.havewemet.triage.profile;

import java.lang.ref.WeakReference;

/**
 * The case-folded form of the text last matched on this thread: triage matches many pattern lists against the same
 * subject, head and body strings, so folding each only once saves most of the prefilter's own cost. The texts are
 * held weakly so that a pooled mail thread does not keep a large message alive.
 */
final class Folded {
    private static final ThreadLocal<Folded> LAST = ThreadLocal.withInitial(Folded::new);
    private static final int SLOTS = 4;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private final WeakReference<String>[] texts = new WeakReference[SLOTS];
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final WeakReference<String>[] folded = new WeakReference[SLOTS];
    private int next;

    private Folded() {
    }

    static String of(CharSequence text) {
        if (!(text instanceof String)) {
            return LiteralFolding.fold(text);
        }
        Folded cache = LAST.get();
        for (int k = 0; k < SLOTS; k++) {
            if (cache.texts[k] != null && cache.texts[k].get() == text) {
                String result = cache.folded[k].get();
                if (result != null) {
                    return result;
                }
            }
        }
        String result = LiteralFolding.fold(text);
        cache.texts[cache.next] = new WeakReference<>((String) text);
        cache.folded[cache.next] = new WeakReference<>(result);
        cache.next = (cache.next + 1) % SLOTS;
        return result;
    }
}
