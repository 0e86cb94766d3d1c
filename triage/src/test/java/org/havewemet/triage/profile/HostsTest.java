package org.havewemet.triage.profile;

import java.util.List;
import java.util.Optional;

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

    @Test
    void publicSuffixAnswersShouldStayTheSameWhenAskedAgainAndPastTheMemoLimit() {
        List<String> hosts = List.of("bounce.linnkedin.com", "LinkedIn.COM.", "mail.example.co.uk", "intranet", "a.b.test",
                "x.invalid", "com", "co.uk", "-bad-.example.com", "web081.twitter.com.tmail", "", "192.0.2.7");
        List<List<Object>> first = hosts.stream().map(h -> List.of(Hosts.registrable(h), Hosts.hasPublicSuffix(h))).toList();
        for (int i = 0; i < Hosts.MEMO_LIMIT + 10; i++) {
            Hosts.registrable("h" + i + ".example.org"); // fills the memo past its limit: it starts over
        }
        for (int round = 0; round < 2; round++) {
            assertThat(hosts.stream().map(h -> List.of(Hosts.registrable(h), Hosts.hasPublicSuffix(h))).toList())
                    .isEqualTo(first);
        }
        assertThat(first.get(0)).isEqualTo(List.of(Optional.of("linnkedin.com"), true));
        assertThat(first.get(2)).isEqualTo(List.of(Optional.of("example.co.uk"), true));
        assertThat(first.get(3)).isEqualTo(List.of(Optional.empty(), false));
        assertThat(first.get(4)).isEqualTo(List.of(Optional.of("b.test"), true));
        assertThat(first.get(8)).isEqualTo(List.of(Optional.empty(), false));
    }
}
