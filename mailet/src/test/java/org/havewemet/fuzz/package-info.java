/**
 * Jazzer fuzz tests ({@code @FuzzTest}) of what hostile outsiders control: raw mail bytes through triage, search
 * strings through the query parser and the index's user scoping, inviter text through template rendering.
 *
 * <p>Every build runs them in regression mode on the committed inputs under
 * {@code src/test/resources/org/havewemet/fuzz/<TestClass>Inputs/<method>/} (one file per input, raw bytes):
 * {@code mvn -B -pl mailet -am test -Dtest='*Fuzz*' -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>A real fuzzing run (one test class at a time; the duration is each method's {@code maxDuration}, 10 minutes
 * for triage, 5 for the others):
 * {@code JAZZER_FUZZ=1 mvn -B -pl mailet -am test -Dtest=TriageFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * The growing corpus is kept in {@code mailet/.cifuzz-corpus/} (not committed); a crash is written as
 * {@code crash-<sha1>} into the test's inputs directory above, where it becomes a regression input once committed.
 */
package org.havewemet.fuzz;
