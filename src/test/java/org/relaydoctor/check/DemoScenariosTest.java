package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;

/// Every demo scenario reaches the verdict it was built for, through the real check.
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
        CheckResult r = new AccountCheck(demo.checkOptions(Locale.ENGLISH))
                .run(s.profile(), Credentials.of(s.password()), CheckListener.NONE);
        StringBuilder t = new StringBuilder();
        r.transcript().forEach(l -> t.append(l.connection()).append(' ').append(l.direction()).append(' ').append(l.text()).append('\n'));
        assertThat(r.verdict().code()).as(id + "\n" + r.verdict() + "\n" + t).isEqualTo(s.expected());
    }
}
