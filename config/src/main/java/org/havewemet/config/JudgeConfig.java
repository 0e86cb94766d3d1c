package org.havewemet.config;

import java.util.List;

/**
 * Tuning of the triage judge ({@code judge.*}). Scores are sums of signed {@code Reason} weights.
 *
 * @param personalThreshold    a note scoring at least this is personal (explained)
 * @param suspiciousThreshold  a mail scoring at least this on spoofing/phishing signals is suspicious
 * @param trustedAuthServIds   authserv-ids of Authentication-Results headers added by our own border MTAs; headers
 *                             with another id are ignored because anybody can write them
 * @param fewMutualConnections at most this many mutual connections counts as "few" (a stranger signal)
 * @param manyConnections      at least this many connections counts as a mass-connector signal
 */
public record JudgeConfig(double personalThreshold,
                          double suspiciousThreshold,
                          List<String> trustedAuthServIds,
                          int fewMutualConnections,
                          int manyConnections) {
    public JudgeConfig {
        trustedAuthServIds = List.copyOf(trustedAuthServIds);
    }
}
