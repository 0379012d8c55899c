package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The command line builds the table of the command it names only, and every command answers `--help`, `-V` and a
/// bad line the same way.
class LeanCommandLineTest {
    private record Run(int status, String out, String err) {}

    private static Run run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new RelayDoctorCommand(() -> home).run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "dns", "demo", "profiles", "explain"})
    void subcommandHelpAndVersion(String command, @TempDir Path home) {
        Run help = run(home, command, "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: relay-doctor " + command).contains("  -h, --help").contains("  -V, --version");
        Run version = run(home, command, "-V");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("Relay Doctor ").contains("Java ");
    }

    @Test
    void usageErrorsAndNestedSubcommands(@TempDir Path home) {
        assertThat(run(home, "check", "--smtp-port", "99999").status()).isEqualTo(2);
        assertThat(run(home, "explain", "550 relay not permitted").status()).isEqualTo(1);
        assertThat(run(home, "profiles", "list").status()).isZero();
        Run help = run(home, "profiles", "show", "-h");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: relay-doctor profiles show [OPTIONS] NAME").contains("      --lang=ru|en|uk");
    }

    @Test
    void theRootNamesEveryCommandAndBuildsOnlyTheNamedOne(@TempDir Path home) throws UsageException {
        Run help = run(home, "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: relay-doctor [OPTIONS] COMMAND")
                .contains("  check     Checks whether the outgoing server relays", "  dns ", "  demo ", "  profiles ",
                        "  explain ")
                .contains("Exit status:", "  2   usage error (bad option or value)");
        RelayDoctorCommand root = new RelayDoctorCommand(() -> home);
        assertThat(root.spec().children()).extracting(CommandSpec.Child::name)
                .containsExactly("check", "dns", "demo", "profiles", "explain");
        assertThat(root.parse("check", "--help")).isInstanceOfSatisfying(Invocation.Help.class, h -> assertThat(h.spec()
                .options()).contains(CheckCommand.EMAIL).doesNotContain(DnsCommand.CLIENT));
        assertThat(root.parse("profiles", "--lang", "uk", "export", "out.json", "Office", "Home"))
                .isInstanceOfSatisfying(Invocation.Run.class, r -> {
                    assertThat(r.name()).isEqualTo("relay-doctor profiles export");
                    assertThat(r.args().operands()).containsExactly("out.json", "Office", "Home");
                });
        assertThat(run(home, "nonsense").status()).isEqualTo(2);
    }
}
