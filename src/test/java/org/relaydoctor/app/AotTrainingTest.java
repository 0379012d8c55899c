package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.profile.ProfileLoad;
import org.relaydoctor.profile.ProfileStore;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.StoredProfile;

/// The command lines that train the command line's AOT cache still parse, and cover every demo scenario in text and
/// JSON: a training that broke would silently leave the cache without the check's classes. The window's training with
/// saved profiles gets profiles the store reads back, and never over a user's own.
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

    @Test
    void sampleProfilesReadBackWhole(@TempDir Path dir) throws IOException {
        AotTraining.saveSampleProfiles(dir);

        ProfileLoad load = new ProfileStore(dir).load();
        assertThat(load.problems()).isEmpty();
        assertThat(load.profiles()).extracting(StoredProfile::name).containsExactly("Work", "Home", "Shop");
        assertThat(load.profiles()).filteredOn(p -> p.lastResult().isPresent()).hasSize(2);
        assertThat(load.profiles()).anyMatch(p -> p.profile().logOnToIncomingFirst())
                .anyMatch(p -> p.profile().smtpAuth() instanceof SmtpAuth.OwnLogin);
    }

    @Test
    void sampleProfilesNeverReplaceSavedOnes(@TempDir Path dir) throws IOException {
        Path file = new ProfileStore(dir).file();
        Files.writeString(file, "{\"schemaVersion\": 1, \"profiles\": []}");

        AotTraining.saveSampleProfiles(dir);

        assertThat(file).hasContent("{\"schemaVersion\": 1, \"profiles\": []}");
    }
}
