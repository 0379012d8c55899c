package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/// The command line `main` builds for a subcommand (only that subcommand) behaves like the whole tree.
class LeanCommandLineTest {
    private record Run(int status, String out, String err) {}

    private static Run run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private static Run both(Path home, String... args) {
        Run full = run(new CommandLine(new RelayDoctorCommand(() -> home)), args);
        Run lean = run(RelayDoctorCommand.commandLine(new RelayDoctorCommand(() -> home), args), args);
        assertThat(lean).isEqualTo(full);
        return lean;
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "dns", "demo", "profiles", "explain"})
    void subcommandHelpIsTheSame(String command, @TempDir Path home) {
        assertThat(both(home, command, "--help").out()).startsWith("Usage: relay-doctor " + command);
    }

    @Test
    void usageErrorsAndNestedSubcommandsAreTheSame(@TempDir Path home) {
        assertThat(both(home, "check", "--smtp-port", "99999").status()).isEqualTo(2);
        assertThat(both(home, "explain", "550 relay not permitted").status()).isEqualTo(1);
        assertThat(both(home, "profiles", "list").status()).isZero();
    }

    @Test
    void withoutASubcommandTheWholeTreeIsBuilt(@TempDir Path home) {
        assertThat(RelayDoctorCommand.commandLine(new RelayDoctorCommand(() -> home), "--help").getSubcommands())
                .containsOnlyKeys("check", "dns", "demo", "profiles", "explain");
        assertThat(RelayDoctorCommand.commandLine(new RelayDoctorCommand(() -> home), "check").getSubcommands())
                .containsOnlyKeys("check");
        assertThat(both(home, "nonsense").status()).isEqualTo(2);
    }
}
