package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.demo.DemoServers;

/// The command lines that train the command line's AOT cache still parse, and cover every demo scenario in text and
/// JSON: a training that broke would silently leave the cache without the check's classes.
class AotTrainingTest {
    @Test
    void everyTrainingCommandParses() {
        try (DemoServers demo = DemoServers.start()) {
            List<List<String>> commands = AotTraining.commands(demo.scenarios(), Path.of("pw"), "127.0.0.1:9");
            for (List<String> args : commands) {
                assertThatCode(() -> new RelayDoctorCommand().parse(args.toArray(String[]::new)))
                        .as(String.join(" ", args)).doesNotThrowAnyException();
            }
            List<List<String>> checks = commands.stream().filter(c -> c.getFirst().equals("check")).toList();
            assertThat(checks).hasSize(demo.scenarios().size());
            assertThat(checks).anyMatch(c -> c.contains("--json")).anyMatch(c -> !c.contains("--json"));
            assertThat(commands.stream().map(List::getFirst))
                    .contains("check", "dns", "demo", "profiles", "explain", "--help", "--version");
        }
    }
}
