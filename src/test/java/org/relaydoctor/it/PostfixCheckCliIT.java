package org.relaydoctor.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaydoctor.it.MtaScenarios.mta;
import static org.relaydoctor.it.TestAccounts.ALICE;
import static org.relaydoctor.it.TestAccounts.ALICE_PASSWORD;
import static org.relaydoctor.it.TestAccounts.BOB;
import static org.relaydoctor.it.TestAccounts.EXTERNAL_RECIPIENT;
import static org.relaydoctor.it.TestAccounts.FOREIGN;
import static org.relaydoctor.it.TestAccounts.GHOST;
import static org.relaydoctor.it.TestAccounts.POP;
import static org.relaydoctor.it.TestAccounts.POP_PASSWORD;
import static org.relaydoctor.it.TestAccounts.WRONG_PASSWORD;
import static org.relaydoctor.it.TestAccounts.YOZH;
import static org.relaydoctor.it.TestAccounts.YOZH_PASSWORD;
import static org.relaydoctor.it.TestAccounts.YOZH_WRONG_PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaydoctor.cli.ExitStatus;
import org.relaydoctor.cli.RelayDoctorCommand;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.SecretStore;

/// `relay-doctor check --json`, the real launcher of the build (`target/relay-doctor`, a JVM of its own), against
/// every Postfix scenario: the JSON's `verdict.code`, the exit status, progress on stderr, and the password
/// (given by `--password-env` or `--password-file`) nowhere — not in stdout, stderr, the JSON transcript or the
/// log files, neither in clear nor in the base64 forms of AUTH PLAIN and LOGIN. Prints each check's wall time,
/// JVM start included.
@ExtendWith(MtaScenarios.class)
class PostfixCheckCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TIMES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path dir;

    /// One scenario as typed on the command line: the account's options, its password, and what must come out.
    record Case(String name, PostfixScenario scenario, String email, String user, String smtpAuth, List<String> extra,
            Secret password, String code, int exit, List<String> changes, boolean verified) {
        /// Most fixes here are proved by a probe, and a relay that works is proved by the attempt itself.
        Case(String name, PostfixScenario scenario, String email, String user, String smtpAuth, List<String> extra,
                Secret password, String code, int exit, List<String> changes) {
            this(name, scenario, email, user, smtpAuth, extra, password, code, exit, changes,
                    !changes.isEmpty() || exit == ExitStatus.RELAY_WORKS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        int restriction = ExitStatus.RESTRICTION;
        int works = ExitStatus.RELAY_WORKS;
        return Stream.of(
                new Case("auth-required", PostfixScenario.AUTH_REQUIRED, ALICE, ALICE, "off", List.of(), ALICE_PASSWORD,
                        "AUTH_REQUIRED", restriction, List.of("requireSmtpAuth")),
                new Case("auth-required (auth on)", PostfixScenario.AUTH_REQUIRED, ALICE, ALICE, "same", List.of(),
                        ALICE_PASSWORD, "OK", works, List.of()),
                new Case("network-restricted", PostfixScenario.NETWORK_RESTRICTED, ALICE, ALICE, "off", List.of(),
                        ALICE_PASSWORD, "NETWORK_RESTRICTED", restriction, List.of()),
                new Case("pop-before-smtp", PostfixScenario.POP_BEFORE_SMTP, POP, POP, "off", List.of(), POP_PASSWORD,
                        "POP_BEFORE_SMTP", restriction, List.of("logOnToIncomingFirst")),
                new Case("pop-before-smtp (log on first)", PostfixScenario.POP_BEFORE_SMTP, POP, POP, "off",
                        List.of("--pop-before-smtp"), POP_PASSWORD, "OK", works, List.of()),
                new Case("sender-login-mismatch", PostfixScenario.SENDER_LOGIN_MISMATCH, BOB, ALICE, "same", List.of(),
                        ALICE_PASSWORD, "SENDER_NOT_OWNED", restriction, List.of("emailAddress")),
                new Case("inbound-mx", PostfixScenario.INBOUND_MX, ALICE, ALICE, "off",
                        List.of("--smtp-host", PostfixVerdictIT.MX_HOST), ALICE_PASSWORD, "RECIPIENT_NOT_LOCAL",
                        restriction, List.of("outgoingHost", "outgoingPort", "requireSmtpAuth"), false),
                new Case("starttls-required", PostfixScenario.STARTTLS_REQUIRED, ALICE, ALICE, "same", List.of(),
                        ALICE_PASSWORD, "TLS_REQUIRED", restriction, List.of("outgoingPort")),
                new Case("not-local-sender", PostfixScenario.NOT_LOCAL_SENDER, FOREIGN, ALICE, "off", List.of(),
                        ALICE_PASSWORD, "SENDER_NOT_LOCAL", restriction, List.of("emailAddress")),
                new Case("pbl-blocked", PostfixScenario.PBL_BLOCKED, ALICE, ALICE, "off", List.of(), ALICE_PASSWORD,
                        "CLIENT_BLOCKED_DYNAMIC", restriction, List.of("requireSmtpAuth")),
                new Case("null-sender-refused", PostfixScenario.NULL_SENDER_REFUSED, ALICE, ALICE, "same", List.of(),
                        ALICE_PASSWORD, "NULL_SENDER_REJECTED", works, List.of()),
                new Case("unknown-sender", PostfixScenario.UNKNOWN_SENDER, GHOST, ALICE, "same", List.of(),
                        ALICE_PASSWORD, "SENDER_UNKNOWN", restriction, List.of("emailAddress")),
                new Case("wrong-password", PostfixScenario.WRONG_PASSWORD, ALICE, ALICE, "same", List.of(),
                        WRONG_PASSWORD, "AUTH_FAILED", restriction, List.of()),
                new Case("submission", PostfixScenario.SUBMISSION, ALICE, ALICE, "same", List.of(), ALICE_PASSWORD, "OK",
                        works, List.of()),
                new Case("silent", PostfixScenario.SILENT, ALICE, ALICE, "same", List.of("--timeout", "3"),
                        ALICE_PASSWORD, "NO_GREETING", restriction, List.of()),
                // a Cyrillic password, by environment and by file in turn, under the POSIX locale (see launch)
                new Case("submission (Cyrillic password, env)", PostfixScenario.SUBMISSION, YOZH, YOZH, "same",
                        List.of(), YOZH_PASSWORD, "OK", works, List.of()),
                new Case("submission (Cyrillic password, file)", PostfixScenario.SUBMISSION, YOZH, YOZH, "same",
                        List.of(), YOZH_PASSWORD, "OK", works, List.of()),
                new Case("pop-before-smtp (Cyrillic password)", PostfixScenario.POP_BEFORE_SMTP, YOZH, YOZH, "off",
                        List.of(), YOZH_PASSWORD, "POP_BEFORE_SMTP", restriction, List.of("logOnToIncomingFirst")),
                new Case("pop-before-smtp (log on first, Cyrillic password)", PostfixScenario.POP_BEFORE_SMTP, YOZH,
                        YOZH, "off", List.of("--pop-before-smtp"), YOZH_PASSWORD, "OK", works, List.of()),
                new Case("wrong-password (Cyrillic)", PostfixScenario.WRONG_PASSWORD, YOZH, YOZH, "same", List.of(),
                        YOZH_WRONG_PASSWORD, "AUTH_FAILED", restriction, List.of()),
                // LANG as ssh passes it on from a Russian desktop to a server where that locale is not installed
                new Case("submission (Cyrillic password, env, LANG=ru_RU.UTF-8)", PostfixScenario.SUBMISSION, YOZH,
                        YOZH, "same", List.of(), YOZH_PASSWORD, "OK", works, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checkJsonExitStatusAndNoPassword(Case c) throws Exception {
        if (c.scenario() == PostfixScenario.POP_BEFORE_SMTP) {
            mta().revokePopBeforeSmtpGrants();
        }
        int runNumber = RUNS.incrementAndGet();
        // by file and by environment in turn, unless the case names one
        boolean viaFile = c.name().contains(", file)") || !c.name().contains(", env)") && runNumber % 2 == 0;
        Path home = Files.createDirectories(dir.resolve("home-" + runNumber));
        List<String> args = new ArrayList<>(accountOptions(c));
        Path passwordFile = dir.resolve("password-" + runNumber);
        if (viaFile) {
            Files.writeString(passwordFile, c.password().reveal() + "\n");
            args.addAll(List.of("--password-file", passwordFile.toString()));
        } else {
            args.addAll(List.of("--password-env", "RD_TEST_PASSWORD"));
        }
        Run run;
        try {
            run = launch(args, home, c.password(),
                    c.name().contains("LANG=ru_RU.UTF-8") ? Map.of("LANG", "ru_RU.UTF-8") : Map.of());
        } finally {
            mta().revokePopBeforeSmtpGrants();
        }
        TIMES.put(c.name(), run.json().path("verdict").path("code").asText("(none)") + "\t" + run.exit() + "\t"
                + run.millis());
        System.out.printf("%-32s %-24s exit %d %6d ms%n", c.name(), run.json().path("verdict").path("code").asText(),
                run.exit(), run.millis());

        assertThat(run.json().path("verdict").path("code").asText()).as(run.describe()).isEqualTo(c.code());
        assertThat(run.exit()).as(run.describe()).isEqualTo(c.exit());
        List<String> changeTypes = new ArrayList<>();
        run.json().path("verdict").path("changes").forEach(n -> changeTypes.add(n.path("type").asText()));
        assertThat(changeTypes).as("the fix as profile changes").containsExactlyElementsOf(c.changes());
        assertThat(run.json().path("verdict").path("verified").asBoolean()).isEqualTo(c.verified());
        assertThat(run.json().path("kind").asText()).isEqualTo("check");
        assertThat(run.json().path("transcript").size()).as("the JSON carries the transcript").isPositive();
        // progress goes to stderr, one line per finished step; stdout is only the JSON
        assertThat(run.stderr()).contains("[ ok ]");
        assertThat(run.stdout().strip()).startsWith("{").endsWith("}");
        assertNoPassword(c, run, home);
    }

    /// What the user typed: every server name as the provider gives it (resolved by `--dns-server`), the
    /// scenario's port without encryption, POP3 on the test Dovecot, the external test recipient.
    private static List<String> accountOptions(Case c) {
        InetSocketAddress smtp = mta().smtp(c.scenario());
        InetSocketAddress dns = mta().dns();
        List<String> args = new ArrayList<>(List.of("check", "--json", "--lang", "en",
                "--email", c.email(), "--name", "Test User", "--user", c.user(), "--smtp-auth", c.smtpAuth(),
                "--smtp-host", PostfixVerdictIT.SMTP_HOST, "--smtp-port", String.valueOf(smtp.getPort()),
                "--smtp-security", "none",
                "--incoming", "pop3", "--incoming-host", PostfixVerdictIT.POP_HOST,
                "--incoming-port", String.valueOf(mta().pop3().getPort()), "--incoming-security", "none",
                "--to", EXTERNAL_RECIPIENT, "--timeout", "8",
                "--dns-server", dns.getHostString() + ":" + dns.getPort(),
                "--trust-cert", Path.of(mta().values().get("MTA_DIR"), "tls", "cert.pem").toString()));
        // the case's own options replace the common ones (an option given twice is a usage error)
        List<String> extra = c.extra();
        for (int i = 0; i < extra.size(); i++) {
            String option = extra.get(i);
            boolean hasValue = i + 1 < extra.size() && !extra.get(i + 1).startsWith("--");
            int at = args.indexOf(option);
            if (hasValue && at >= 0) {
                args.set(at + 1, extra.get(++i));
            } else {
                args.add(option);
                if (hasValue) {
                    args.add(extra.get(++i));
                }
            }
        }
        return args;
    }

    private static void assertNoPassword(Case c, Run run, Path home) throws IOException {
        List<String> forms = secretForms(c.user(), c.password().reveal());
        StringBuilder everything = new StringBuilder(run.stdout()).append('\n').append(run.stderr());
        List<Path> logs;
        try (Stream<Path> files = Files.walk(home)) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("the check writes its log under RELAY_DOCTOR_HOME").isNotEmpty();
        for (Path log : logs) {
            everything.append('\n').append(Files.readString(log, StandardCharsets.UTF_8));
        }
        String text = everything.toString();
        for (String form : forms) {
            assertThat(text).as("the password in the form '%s' leaked", form).doesNotContain(form);
        }
    }

    /// The password in clear, its middle (a part of it), in every base64 form an AUTH dialogue carries it in, and,
    /// for a password beyond ASCII, as JSON writes it with backslash-u escapes.
    static List<String> secretForms(String user, String password) {
        Base64.Encoder b64 = Base64.getEncoder();
        List<String> forms = new ArrayList<>(List.of(password, password.substring(2, password.length() - 2),
                b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString((user + "\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8))));
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        for (char c : password.toCharArray()) {
            upper.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04X", (int) c));
            lower.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        if (!upper.toString().equals(password)) {
            forms.addAll(List.of(upper.toString(), lower.toString()));
        }
        return forms;
    }

    @Test
    void badOptionIsAUsageErrorWithoutAStackTrace() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-usage"));
        List<String> args = new ArrayList<>(accountOptions(cases().findFirst().orElseThrow()));
        args.set(args.indexOf("--smtp-port") + 1, "0");
        args.addAll(List.of("--password-env", "RD_TEST_PASSWORD"));
        Run run = launch(args, home, ALICE_PASSWORD);
        assertThat(run.exit()).isEqualTo(ExitStatus.USAGE);
        assertThat(run.stdout()).isBlank();
        assertThat(run.stderr()).contains("--smtp-port").doesNotContain("Exception").doesNotContain("\tat ");
    }

    /// With the password given by `--password-env` or `--password-file`, the check never asks the keychain, not
    /// even for a saved profile that has "Remember password" (a D-Bus keychain can hang for good).
    @Test
    void passwordFromEnvOrFileNeverTouchesTheKeychain() throws Exception {
        AtomicInteger keychain = new AtomicInteger();
        java.util.function.Supplier<SecretStore> secrets = () -> {
            keychain.incrementAndGet();
            throw new IllegalStateException("the keychain was asked");
        };
        Path config = Files.createDirectories(dir.resolve("config"));
        Path passwordFile = dir.resolve("keychain-password");
        Files.writeString(passwordFile, ALICE_PASSWORD.reveal());
        List<String> args = new ArrayList<>(accountOptions(cases().findFirst().orElseThrow()));
        args.addAll(List.of("--password-file", passwordFile.toString()));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new RelayDoctorCommand(() -> config, secrets).run(args.toArray(String[]::new),
                new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isEqualTo(ExitStatus.RESTRICTION);
        assertThat(JSON.readTree(out.toString()).path("verdict").path("code").asText()).isEqualTo("AUTH_REQUIRED");

        // a saved profile with "Remember password" on, checked with the password given explicitly
        org.relaydoctor.profile.AccountProfile profile = PostfixVerdictIT.account(PostfixScenario.AUTH_REQUIRED, ALICE,
                ALICE, new org.relaydoctor.profile.SmtpAuth.Off()).withName("keychain-test");
        new org.relaydoctor.profile.ProfileStore(config).save(List.of(new org.relaydoctor.profile.StoredProfile(
                org.relaydoctor.profile.StoredProfile.newId(), profile, true, java.util.Optional.empty())));
        StringWriter out2 = new StringWriter();
        StringWriter err2 = new StringWriter();
        int exit2 = new RelayDoctorCommand(() -> config, secrets).run(new String[] {"check", "--json", "--profile",
                "keychain-test", "--dns-server", mta().dns().getHostString() + ":" + mta().dns().getPort(),
                "--password-file", passwordFile.toString()}, new PrintWriter(out2), new PrintWriter(err2));
        assertThat(exit2).as(err2.toString()).isEqualTo(ExitStatus.RESTRICTION);
        assertThat(JSON.readTree(out2.toString()).path("verdict").path("code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(keychain.get()).as("keychain look-ups").isZero();
    }

    // ---- running the launcher ---------------------------------------------------------------------------------

    record Run(int exit, String stdout, String stderr, JsonNode json, long millis) {
        String describe() {
            return "exit " + exit + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout;
        }
    }

    /// Runs `target/relay-doctor` (what the build ships) with a home of its own and the password in the environment.
    private static Run launch(List<String> args, Path home, Secret password) throws Exception {
        return launch(args, home, password, Map.of());
    }

    /// As above, with `locale` (LANG, LC_*) in the environment instead of none.
    private static Run launch(List<String> args, Path home, Secret password, Map<String, String> locale)
            throws Exception {
        Path launcher = Path.of("target", "relay-doctor").toAbsolutePath();
        assertThat(launcher).as("the build's launcher (made in the package phase)").isExecutable();
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("RELAY_DOCTOR_HOME", home.toString());
        pb.environment().put("RD_TEST_PASSWORD", password.reveal());
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        // the POSIX locale, as under cron, a systemd unit or a bare container: no LANG, no LC_*
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.equals("LANGUAGE") || k.startsWith("LC_"));
        pb.environment().putAll(locale);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("relay-doctor did not finish in 90 s: " + String.join(" ", args));
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        JsonNode json = stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
        return new Run(p.exitValue(), stdout, stderr, json, millis);
    }

    @AfterAll
    static void printTimes() throws IOException {
        StringBuilder table = new StringBuilder("scenario\tcode\texit\tms (JVM start included)\n");
        TIMES.forEach((k, v) -> table.append(k).append('\t').append(v).append('\n'));
        System.out.print(table);
        Files.writeString(Path.of("target", "postfix-check-cli.tsv"), table);
    }
}
