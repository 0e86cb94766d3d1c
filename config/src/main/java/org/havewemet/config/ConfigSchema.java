package org.havewemet.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.havewemet.config.ConfigRules.AliasMapRule;
import org.havewemet.config.ConfigRules.BoolRule;
import org.havewemet.config.ConfigRules.DecimalRule;
import org.havewemet.config.ConfigRules.EnumRule;
import org.havewemet.config.ConfigRules.IntRule;
import org.havewemet.config.ConfigRules.ListRule;
import org.havewemet.config.ConfigRules.RegexRule;
import org.havewemet.config.ConfigRules.Rule;
import org.havewemet.config.ConfigRules.Section;
import org.havewemet.config.ConfigRules.TextRule;

/**
 * Every key of {@code havewemet.yaml} with its rule and default: the single place defaults live. Key names are public
 * interface (admins write them); the records in this package mirror this tree one to one.
 */
final class ConfigSchema {
    /** Locale tags accepted for templates: a two-letter language, optionally a region, e.g. {@code fr-CA}. */
    static final String LOCALE_SHAPE = "[a-z]{2}(-[A-Z]{2})?";
    private static final int MAX_TEXT = 400;
    /** An IPv4 or IPv6 address or a host name: what Jetty binds to. */
    static final String BIND_SHAPE = "[A-Za-z0-9][A-Za-z0-9.:-]{0,252}|[0-9A-Fa-f:.]{2,45}";
    /** Shared mailboxes address-book importers invite (issue 15): matched on the local part of the address. */
    static final List<String> ROLE_DEFAULTS = List.of("^info$", "^contact$", "^sales$", "^support$", "^office$",
            "^jobs$", "^members$", "^team$");

    static final Section ROOT = root();

    private ConfigSchema() {
    }

    private static Section root() {
        Map<String, Rule> root = new LinkedHashMap<>();
        root.put("folders", section(
                "priority", folder("Invitations/Priority"),
                "unexplained", folder("Invitations/Unexplained"),
                "suspicious", folder("Spam"),
                "drafts", folder("Drafts")));
        Rule address = new TextRule(null, "a mail address like user@example.com",
                text -> text.matches(ConfigRules.ADDRESS_SHAPE));
        Rule addresses = new ListRule(address, "a list of mail addresses");
        root.put("replies", section(
                "enabled", new BoolRule(true),
                "periodDays", new IntRule(1, 3650, 30),
                "dryRun", new BoolRule(false),
                "ratePerHour", new IntRule(0, 100_000, 20),
                "globalRatePerHour", new IntRule(0, 1_000_000, 500),
                "optOut", addresses,
                "aliases", new AliasMapRule(addresses),
                "answerWaitDays", new IntRule(1, 365, 7)));
        Rule authServId = new TextRule(null, "an authserv-id (a host name such as mx.example.com)",
                text -> text.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}"));
        root.put("judge", section(
                "personalThreshold", new DecimalRule(-1000, 1000, 1.5),
                "suspiciousThreshold", new DecimalRule(-1000, 1000, 3.0),
                "trustedAuthServIds", new ListRule(authServId, "a list of authserv-ids"),
                "fewMutualConnections", new IntRule(0, 1_000_000, 5),
                "manyConnections", new IntRule(0, 100_000_000, 500)));
        root.put("platforms", section(
                "file", new TextRule(null, "a file path", text -> !text.isBlank() && text.length() <= 4096)));
        root.put("digest", section(
                "schedule", new EnumRule(List.of("off", "daily", "weekly"), "off"),
                "hour", new IntRule(0, 23, 7)));
        root.put("index", section(
                "commitIntervalSeconds", new IntRule(1, 3600, 5),
                "retentionDays", new IntRule(0, 36_500, 0)));
        root.put("templates", section(
                "directory", new TextRule("var/havewemet/templates", "a directory path",
                        text -> !text.isBlank() && text.length() <= 4096),
                "defaultLocale", new TextRule("en", "a locale like en or fr-CA", text -> text.matches(LOCALE_SHAPE))));
        Rule patterns = new ListRule(new RegexRule(), "a list of regular expressions");
        root.put("patterns", section(
                "neverAnswer", patterns,
                "alwaysPriority", patterns));
        root.put("addresses", section(
                "roles", new ListRule(new RegexRule(), "a list of regular expressions", ROLE_DEFAULTS)));
        root.put("bulk", section(
                "users", new IntRule(0, 1_000_000, 5),
                "window", new TextRule("24h", "a duration like 24h, 90m or 2d (minutes, hours or days)",
                        text -> text.trim().toLowerCase(Locale.ROOT).matches(BulkConfig.WINDOW_SHAPE)),
                "verdict", new EnumRule(List.of("unexplained", "suspicious"), "unexplained")));
        root.put("learning", section(
                "enabled", new BoolRule(true),
                "minCorrections", new IntRule(1, 100_000, 5)));
        root.put("userweb", section(
                "port", new IntRule(0, 65_535, 0),
                "bind", new TextRule("127.0.0.1", "a host name or IP address to listen on, like 127.0.0.1",
                        text -> text.matches(BIND_SHAPE))));
        root.put("storage", section(
                "backend", new EnumRule(List.of("embedded", "opensearch"), "embedded"),
                "opensearch", section(
                        "hosts", new ListRule(new TextRule(null, "an http(s)://host:port URL",
                                text -> text.matches(StorageConfig.HOST_SHAPE)), "a list of http(s)://host:port URLs"),
                        "user", new TextRule(null, "a user name", text -> !text.isBlank() && text.length() <= 256),
                        "password", new TextRule(null, "a password", text -> !text.isEmpty() && text.length() <= 1024),
                        "indexPrefix", new TextRule("havewemet-", "lower-case letters, digits, '-' or '_'",
                                text -> text.matches("[a-z0-9][a-z0-9_-]{0,63}")))));
        return new Section(root);
    }

    private static Rule folder(String defaultName) {
        return new TextRule(defaultName, "a folder name (at most " + MAX_TEXT + " characters, no control characters)",
                text -> !text.isBlank() && text.length() <= MAX_TEXT);
    }

    private static Section section(Object... keysAndRules) {
        Map<String, Rule> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndRules.length; i += 2) {
            fields.put((String) keysAndRules[i], (Rule) keysAndRules[i + 1]);
        }
        return new Section(fields);
    }
}
