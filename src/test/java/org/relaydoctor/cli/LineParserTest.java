package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.relaydoctor.profile.Security;

/// What the command line accepts and how it says no: one line and a hint, never a stack trace or the whole usage.
class LineParserTest {
    private final RelayDoctorCommand root = new RelayDoctorCommand();

    private ParsedArgs check(String... args) throws UsageException {
        String[] line = new String[args.length + 1];
        line[0] = "check";
        System.arraycopy(args, 0, line, 1, args.length);
        return ((Invocation.Run) root.parse(line)).args();
    }

    @Test
    void valuesComeConvertedInEitherForm() throws UsageException {
        ParsedArgs a = check("--smtp-port=587", "--smtp-security", "STARTTLS", "--timeout", "9", "--lang=ru",
                "--blocklist", "zen.spamhaus.org", "--blocklist=pbl.spamhaus.org:policy", "--json");
        assertThat(a.value(CheckCommand.SMTP_PORT)).contains(587);
        assertThat(a.value(CheckCommand.SMTP_SECURITY)).contains(Security.STARTTLS);
        assertThat(a.value(CheckCommand.TIMEOUT)).contains(Duration.ofSeconds(9));
        assertThat(a.value(CheckCommand.LANG)).contains(Locale.of("ru"));
        assertThat(a.values(CheckCommand.BLOCKLIST)).hasSize(2);
        assertThat(a.has(CheckCommand.JSON)).isTrue();
        assertThat(a.has(CheckCommand.INSECURE_TLS)).isFalse();
        assertThat(a.value(CheckCommand.EMAIL)).isEmpty();
    }

    @Test
    void valuesAreKeptAsWritten() throws UsageException {
        assertThat(check("--name", "\"Anna\"", "--to", "-").value(CheckCommand.NAME)).contains("\"Anna\"");
        assertThat(check("--password-file", "-x").value(CheckCommand.PASSWORD_FILE)).contains(Path.of("-x"));
    }

    @Test
    void badLinesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> check("--smtp", "h")).hasMessage("Unknown option: '--smtp'"); // no abbreviations
        assertThatThrownBy(() -> check("--email")).hasMessage("Missing required parameter for option '--email' (ADDR)");
        assertThatThrownBy(() -> check("--email", "a@b", "--email", "c@d"))
                .hasMessage("option '--email' should be specified only once");
        assertThatThrownBy(() -> check("--dns-server", "127.0.0.1:99999"))
                .hasMessage("Invalid value for option '--dns-server': '127.0.0.1:99999' is not HOST[:PORT]");
        assertThatThrownBy(() -> check("--incoming", "smtp"))
                .hasMessage("Invalid value for option '--incoming': 'smtp' is not one of pop3, imap");
        assertThatThrownBy(() -> check("stray")).hasMessage("Unexpected argument: 'stray'");
        assertThatThrownBy(() -> root.parse("dns")).hasMessage("Missing required parameter: 'DOMAIN'");
        assertThatThrownBy(() -> root.parse("--bogus", "check")).hasMessage("Unknown option: '--bogus'");
    }

    @Test
    void aUsageErrorIsOneLineAndAHint() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = root.run(new String[] {"check", "--smtp-port", "0"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).isEqualTo(ExitStatus.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "relay-doctor check: Invalid value for option '--smtp-port': '0' is not a port number (1-65535)",
                "Try 'relay-doctor check --help' for more information.");
        err.getBuffer().setLength(0);
        assertThat(root.run(new String[] {"nonsense"}, new PrintWriter(out), new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "relay-doctor: Unknown command 'nonsense' (one of: check, dns, demo, profiles, explain)",
                "Try 'relay-doctor --help' for more information.");
    }

    @Test
    void doubleDashEndsTheOptions() throws UsageException {
        Invocation i = root.parse("explain", "--", "-ERR authentication failed");
        assertThat(((Invocation.Run) i).args().operand(0)).contains("-ERR authentication failed");
    }
}
