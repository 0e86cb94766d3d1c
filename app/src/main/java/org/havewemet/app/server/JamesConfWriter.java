package org.havewemet.app.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the James configuration folder ({@code DATA/conf}) of the embedded server from the templates shipped in
 * this jar. The files are rewritten on every start, so the command line always wins; {@code havewemet.yaml} is
 * written only when absent because it belongs to the admin.
 */
public final class JamesConfWriter {
    public static final String MAILET_CLASS = "org.havewemet.mailet.TriageInvitations";
    public static final String ROUTES_CLASS = "org.havewemet.webadmin.HaveWeMetRoutes";
    /** The admin page's shell, outside WebAdmin's JWT check (it holds no data; see AdminPageRoutes). */
    public static final String PAGE_ROUTES_CLASS = "org.havewemet.webadmin.AdminPageRoutes";
    public static final String MODULE_CLASS = "org.havewemet.james.HaveWeMetModule";
    public static final String STARTABLE_CLASS = "org.havewemet.james.HaveWeMetStartable";
    public static final String HAVEWEMET_YAML = "havewemet.yaml";

    private static final List<String> FILES = List.of("dnsservice.xml", "domainlist.xml", "usersrepository.xml",
        "mailrepositorystore.xml", "listeners.xml", "smtpserver.xml", "imapserver.xml", "pop3server.xml",
        "lmtpserver.xml", "managesieveserver.xml", "mailetcontainer.xml", "webadmin.properties",
        "healthcheck.properties", "extensions.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)}");

    private final boolean withRoutes;

    public JamesConfWriter(boolean withRoutes) {
        this.withRoutes = withRoutes;
    }

    /** @return the conf directory written */
    public Path write(ServerSettings settings) {
        Path conf = settings.dataDirectory().resolve("conf");
        try {
            Files.createDirectories(conf);
            Map<String, String> values = values(settings);
            for (String file : FILES) {
                Files.writeString(conf.resolve(file), substitute(file, read(file), values), StandardCharsets.UTF_8);
            }
            Path yaml = conf.resolve(HAVEWEMET_YAML);
            if (!Files.exists(yaml)) {
                Files.writeString(yaml, read(HAVEWEMET_YAML), StandardCharsets.UTF_8);
            }
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the James configuration into " + conf, e);
        }
    }

    private Map<String, String> values(ServerSettings s) {
        String gateway = s.outboundRelay()
            .map(relay -> "                <gateway>" + relay.host() + "</gateway>\n"
                + "                <gatewayPort>" + relay.port() + "</gatewayPort>")
            .orElse("");
        return Map.of(
            "domain", s.domain(),
            "smtpBind", s.bindHost() + ":" + s.smtpPort(),
            "imapBind", s.bindHost() + ":" + s.imapPort(),
            "webadminHost", s.bindHost(),
            "webadminPort", Integer.toString(s.webadminPort()),
            "webadminRoutesLine", withRoutes ? "extensions.routes=" + ROUTES_CLASS + "," + PAGE_ROUTES_CLASS : "",
            "spoolThreads", Integer.toString(s.spoolThreads()),
            "relayDelayTime", s.relayDelayTime(),
            "relayGateway", gateway,
            "havewemetConfig", "file://conf/" + HAVEWEMET_YAML);
    }

    private static String substitute(String file, String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(file + ": no value for placeholder ${" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String file) throws IOException {
        try (InputStream in = JamesConfWriter.class.getResourceAsStream("/org/havewemet/app/conf/" + file)) {
            if (in == null) {
                throw new IOException("missing resource conf/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
