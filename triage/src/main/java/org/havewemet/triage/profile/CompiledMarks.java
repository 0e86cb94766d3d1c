package org.havewemet.triage.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.re2j.Pattern;

/** The structural marks of one event, compiled: header (name, value pattern) pairs, URL shapes, sender local parts. */
public final class CompiledMarks {
    /** One header mark: the header's lower-case name and a pattern on its value. */
    public record HeaderMark(String name, Pattern value) {
    }

    public final List<HeaderMark> headers;
    public final List<Pattern> urls;
    public final List<Pattern> senders;

    CompiledMarks(String where, PlatformProfile.EventMarks marks) {
        List<HeaderMark> h = new ArrayList<>();
        for (String spec : marks.headers()) {
            int colon = spec.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("bad header mark in " + where + ": '" + spec
                    + "' (expected 'Header-Name: value pattern')");
            }
            h.add(new HeaderMark(spec.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                Rx.compile(where, spec.substring(colon + 1).strip())));
        }
        headers = List.copyOf(h);
        urls = Rx.compile(where, marks.urls());
        senders = Rx.compile(where, marks.senders());
    }

    public boolean isEmpty() {
        return headers.isEmpty() && urls.isEmpty() && senders.isEmpty();
    }

    /** The header names these marks read, so that the MIME reader keeps them. */
    public List<String> headerNames() {
        return headers.stream().map(HeaderMark::name).distinct().toList();
    }
}
