package org.havewemet.triage;

import java.nio.file.Path;

import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.config.JudgeConfig;
import org.havewemet.triage.profile.PlatformProfiles;

/**
 * The one way to build triage from a configuration: the mailet, {@code classify} and {@code backfill} all call it,
 * so a mail gets the same verdict wherever it is judged (same profiles, same thresholds, same
 * {@code patterns.alwaysPriority}).
 */
public final class ConfiguredTriage {
    private ConfiguredTriage() {
    }

    /** The platform profiles: the admin's file when {@code platforms.file} is set, else the shipped ones. */
    public static PlatformProfiles profiles(HaveWeMetConfig config, Path configDirectory) {
        return config.platforms().resolvedFile(configDirectory)
            .map(PlatformProfiles::load)
            .orElseGet(PlatformProfiles::loadDefault);
    }

    /** The triage of {@code config}, with its own platform profiles. */
    public static Triage of(HaveWeMetConfig config, Path configDirectory, KnownInviters known) {
        return of(config, profiles(config, configDirectory), known);
    }

    /** The triage of {@code config} on already loaded profiles (the caller also uses them, e.g. for brand names). */
    public static Triage of(HaveWeMetConfig config, PlatformProfiles profiles, KnownInviters known) {
        Triage engine = new InvitationTriage(profiles, judgeSettings(config.judge()), known);
        return new PriorityPatterns(engine, config.patterns().alwaysPriority());
    }

    /** The judge's thresholds from {@code judge.*}; what the configuration does not name keeps its default. */
    public static JudgeSettings judgeSettings(JudgeConfig judge) {
        JudgeSettings defaults = JudgeSettings.defaults();
        return new JudgeSettings(judge.personalThreshold(), judge.suspiciousThreshold(), judge.fewMutualConnections(),
            judge.manyConnections(), defaults.defaultNoteTolerance(), defaults.maxNoteChars(),
            judge.trustedAuthServIds());
    }
}
