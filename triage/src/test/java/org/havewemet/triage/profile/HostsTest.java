package org.havewemet.triage.profile;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostsTest {

    @Test
    void withinNormalizedShouldAgreeWithWithinWhenHostsAndDomainsVary() {
        List<String> domains = List.of("linkedin.com", " LinkedIn.COM. ", "e.xing.com", "", ".", "lnkd.in");
        String[] dotted = Hosts.dottedNormalized(domains);
        List<String> hosts = List.of("linkedin.com", "www.linkedin.com", "LINKEDIN.com.", "xlinkedin.com", "linkedin.com.evil.test",
                "e.xing.com", "xing.com", "mail.e.xing.com", "lnkd.in", "in", "", " ", "com", ".linkedin.com");
        for (String host : hosts) {
            assertThat(Hosts.withinNormalized(Hosts.normalize(host), dotted)).as(host).isEqualTo(Hosts.within(host, domains));
        }
        assertThat(Hosts.withinNormalized(null, dotted)).isFalse();
        assertThat(Hosts.withinNormalized(Hosts.normalize("www.linkedin.com"), dotted)).isTrue();
        assertThat(Hosts.withinNormalized(Hosts.normalize("xlinkedin.com"), dotted)).isFalse();
    }
}
