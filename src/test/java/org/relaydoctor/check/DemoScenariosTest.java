package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.demo.DemoDns;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.diagnosis.FindingCode;

/// Every demo scenario reaches the verdict it was built for, through the real check with its DNS facts (asked of the
/// demo's own DNS server).
class DemoScenariosTest {
    private static DemoServers demo;

    @BeforeAll
    static void start() {
        demo = DemoServers.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    static Stream<String> ids() {
        try (DemoServers d = DemoServers.start()) {
            return d.scenarios().stream().map(DemoScenario::id).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void scenarioReachesItsVerdict(String id) {
        DemoScenario s = demo.scenario(id).orElseThrow();
        CheckResult r = demo.newCheck(Locale.ENGLISH).run(s.profile(), Credentials.of(s.password()), CheckListener.NONE);
        StringBuilder t = new StringBuilder();
        r.transcript().forEach(l -> t.append(l.connection()).append(' ').append(l.direction()).append(' ').append(l.text()).append('\n'));
        assertThat(r.verdict().code()).as(id + "\n" + r.verdict() + "\n" + t).isEqualTo(s.expected());
    }

    /// The demo's DNS server answers the demo domain (MX, SPF) and says "no such name" to the rest, quickly.
    @Test
    void theDemoAnswersItsOwnDnsQuestions() {
        CheckResult r;
        // servers of its own: this check's POP3 login would grant the shared POP-before-SMTP scenario relay
        try (DemoServers own = DemoServers.start()) {
            DemoScenario s = own.scenario("inbound-only-mx").orElseThrow();
            r = own.newCheck(Locale.ENGLISH).run(s.profile(), Credentials.of(s.password()), CheckListener.NONE);
        }
        var dns = r.dns().orElseThrow();
        assertThat(dns.mx()).extracting(m -> m.host()).containsExactly(DemoDns.MX_HOST);
        assertThat(dns.spf()).hasValueSatisfying(spf -> assertThat(spf.record()).hasValue("v=spf1 ip4:127.0.0.0/8 -all"));
        assertThat(r.findings()).noneMatch(f -> f.code() == FindingCode.DNS_LOOKUP_FAILED);
        assertThat(r.verdict().evidence()).contains("MX " + SmtpHandler.DOMAIN + ": " + DemoDns.MX_HOST);
    }
}
