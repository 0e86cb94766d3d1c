package org.havewemet.config;

/**
 * Learning from each user's corrections ({@code learning.*}): moves between the invitation folders, Spam and INBOX.
 *
 * @param enabled        false: corrections are neither recorded nor used
 * @param minCorrections the user's model influences verdicts only once it learned from this many corrections
 */
public record LearningConfig(boolean enabled, int minCorrections) {
}
