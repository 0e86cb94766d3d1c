package org.havewemet.triage;

import java.util.Objects;

/**
 * One named signal behind a verdict, like a SpamAssassin rule hit: a stable upper-case code (scripts rely on it),
 * a signed weight (positive pushes towards the verdict it belongs to) and a human-readable detail.
 */
public record Reason(String code, double weight, String detail) {
    public Reason {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
    }
}
