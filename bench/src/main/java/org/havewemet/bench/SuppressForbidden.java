package org.havewemet.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one benchmark class use JDK API that forbiddenapis lists as non-portable (the root pom's
 * {@code suppressAnnotations}); say why where it is used. Benchmarks only: product code has no such exception.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@interface SuppressForbidden {
    /** Why this use is fine. */
    String reason();
}
