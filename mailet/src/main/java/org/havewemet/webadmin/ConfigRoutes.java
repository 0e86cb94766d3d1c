package org.havewemet.webadmin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.havewemet.config.ConfigException;
import org.havewemet.config.ConfigLoader;
import org.havewemet.config.ConfigProblem;
import org.havewemet.config.HaveWeMetConfig;
import org.havewemet.mailet.HaveWeMetRuntime;

import spark.Request;

/** {@code GET /havewemet/config} and {@code POST /havewemet/config/validate}. */
final class ConfigRoutes {
    private final HaveWeMetRuntime runtime;

    ConfigRoutes(HaveWeMetRuntime runtime) {
        this.runtime = runtime;
    }

    /** The effective configuration. Opt-out and alias addresses are personal data: only their numbers are shown. */
    Map<String, Object> effective() {
        HaveWeMetConfig config = runtime.config();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folders", ordered("priority", config.folders().priority(), "unexplained",
            config.folders().unexplained(), "suspicious", config.folders().suspicious(), "drafts",
            config.folders().drafts()));
        Map<String, Object> replies = ordered("enabled", config.replies().enabled(), "periodDays",
            config.replies().periodDays(), "dryRun", config.replies().dryRun(), "ratePerHour",
            config.replies().ratePerHour());
        replies.putAll(ordered("globalRatePerHour", config.replies().globalRatePerHour(), "answerWaitDays",
            config.replies().answerWaitDays(), "optOutCount", config.replies().optOut().size(), "aliasUsers",
            config.replies().aliases().size()));
        out.put("replies", replies);
        Map<String, Object> judge = ordered("personalThreshold", config.judge().personalThreshold(),
            "suspiciousThreshold", config.judge().suspiciousThreshold(), "fewMutualConnections",
            config.judge().fewMutualConnections(), "manyConnections", config.judge().manyConnections());
        judge.put("trustedAuthServIds", config.judge().trustedAuthServIds());
        out.put("judge", judge);
        out.put("digest", ordered("schedule", config.digest().schedule().yamlName(), "hour", config.digest().hour()));
        out.put("index", ordered("commitIntervalSeconds", config.index().commitIntervalSeconds(), "retentionDays",
            config.index().retentionDays()));
        out.put("templates", ordered("directory", config.templates().directory(), "defaultLocale",
            config.templates().defaultLocale()));
        // issue 15's sections: no secret and no personal data in them (role patterns are local parts like "info")
        out.put("learning", ordered("enabled", config.learning().enabled(), "minCorrections",
            config.learning().minCorrections()));
        out.put("bulk", ordered("users", config.bulk().users(), "window", config.bulk().window(), "verdict",
            config.bulk().verdict().name().toLowerCase(Locale.ROOT), "enabled", config.bulk().enabled()));
        out.put("addresses", ordered("roles", config.addresses().roles().sources()));
        return out;
    }

    /** Validates YAML text without applying it. */
    Map<String, Object> validate(Request request) {
        String yaml = RequestBodies.text(request, RequestBodies.CONFIG_LIMIT);
        List<ConfigProblem> problems;
        try {
            ConfigLoader.loadFromString(yaml, "havewemet.yaml");
            problems = List.of();
        } catch (ConfigException invalid) {
            problems = invalid.problems();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", problems.isEmpty());
        out.put("problems", problems.stream().map(ConfigRoutes::problem).toList());
        return out;
    }

    private static Map<String, Object> problem(ConfigProblem problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keyPath", problem.keyPath());
        out.put("line", problem.line());
        out.put("column", problem.column());
        out.put("expected", problem.expected());
        out.put("found", problem.found());
        out.put("message", problem.message());
        return out;
    }

    /** A map keeping the order of its key/value pairs, for readable JSON. */
    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
