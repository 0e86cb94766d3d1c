package org.havewemet.it.hardening.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the James configuration that {@code havewemet serve} writes (JamesConfWriter) into the one of the crash test,
 * by small checked edits, so everything else stays exactly as in production: final delivery also stores every mail
 * into a file repository that survives {@code kill -9} ({@link #DELIVERED}), right after TriageInvitations; error
 * repositories move from memory to files; the demo user is created while the mailets start ({@link DemoUserOnStart}).
 * Without havewemet, both of our mailets are removed and nothing else changes (the control run).
 */
final class PersistentConf {
    /** Where final delivery stores each delivered mail (one entry per pass, see {@link DistinctDeliveryName}). */
    static final String DELIVERED = "file://var/delivered/";
    /** Where James' error processor keeps mails that failed, as files so they can be counted after the crash. */
    static final String ERRORS = "file://var/mail/error/";

    private static final String HARNESS = PersistentConf.class.getPackageName();

    private PersistentConf() {
    }

    static void rewrite(Path data, String user, boolean withHaveWeMet) throws IOException {
        Path mailets = data.resolve("conf/mailetcontainer.xml");
        String xml = Files.readString(mailets, StandardCharsets.UTF_8);
        xml = replaceOnce(xml, "<processor state=\"root\" enableJmx=\"false\">",
            "<processor state=\"root\" enableJmx=\"false\">\n"
                + "            <mailet match=\"All\" class=\"" + HARNESS + ".DemoUserOnStart\">\n"
                + "                <user>" + user + "</user>\n"
                + "            </mailet>");
        xml = replaceOnce(xml, "<mailet match=\"All\" class=\"LocalDelivery\"/>",
            "<mailet match=\"All\" class=\"" + HARNESS + ".DistinctDeliveryName\"/>\n"
                + "            <mailet match=\"All\" class=\"ToRepository\">\n"
                + "                <repositoryPath>" + DELIVERED + "</repositoryPath>\n"
                + "                <passThrough>true</passThrough>\n"
                + "            </mailet>\n"
                + "            <mailet match=\"All\" class=\"LocalDelivery\"/>");
        xml = xml.replace("memory://var/mail/", "file://var/mail/"); // serve writes file:// itself since it persists
        if (!xml.contains("file://var/mail/error/")) {
            throw new IllegalStateException("mailetcontainer.xml: no error repository in files");
        }
        if (!withHaveWeMet) {
            xml = removeMailet(xml, "org.havewemet.mailet.TriageInvitations");
            xml = removeMailet(xml, "org.havewemet.mailet.RecordCorrespondents");
            Files.deleteIfExists(data.resolve("conf/extensions.properties"));
        }
        Files.writeString(mailets, xml, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("conf/mailrepositorystore.xml"), """
            <?xml version="1.0"?>
            <!-- Written by the crash test: repositories as files (survive kill -9), memory still known. -->
            <mailrepositorystore>
                <defaultProtocol>file</defaultProtocol>
                <mailrepositories>
                    <mailrepository class="org.apache.james.mailrepository.file.FileMailRepository">
                        <protocols>
                            <protocol>file</protocol>
                        </protocols>
                        <config FIFO="false" CACHEKEYS="true"/>
                    </mailrepository>
                    <mailrepository class="org.apache.james.mailrepository.memory.MemoryMailRepository">
                        <protocols>
                            <protocol>memory</protocol>
                        </protocols>
                        <config/>
                    </mailrepository>
                </mailrepositories>
            </mailrepositorystore>
            """, StandardCharsets.UTF_8);
    }

    private static String replaceOnce(String xml, String target, String replacement) {
        int at = xml.indexOf(target);
        if (at < 0 || xml.indexOf(target, at + 1) >= 0) {
            throw new IllegalStateException("mailetcontainer.xml: expected exactly one " + target);
        }
        return xml.substring(0, at) + replacement + xml.substring(at + target.length());
    }

    private static String removeMailet(String xml, String mailetClass) {
        Matcher m = Pattern.compile("\\s*<mailet [^>]*class=\"" + Pattern.quote(mailetClass) + "\".*?</mailet>",
            Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("mailetcontainer.xml: no " + mailetClass + " to remove");
        }
        return m.replaceFirst("");
    }
}
