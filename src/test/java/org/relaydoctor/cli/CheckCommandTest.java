package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;

/// `relay-doctor check` end to end against the demo servers (plain SMTP so that no trust is needed).
class CheckCommandTest {
    private static DemoServers demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        demo = DemoServers.start();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new RelayDoctorCommand().run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    private List<String> args(DemoScenario s, String... extra) throws Exception {
        Path pw = dir.resolve("password");
        Files.writeString(pw, s.password().reveal() + "\n");
        var p = s.profile();
        List<String> a = new ArrayList<>(List.of("check", "--email", p.email(), "--smtp-host", p.outgoing().host(),
                "--smtp-port", String.valueOf(p.outgoing().port()), "--smtp-security", "none",
                "--incoming", "pop3", "--incoming-host", p.incoming().host(),
                "--incoming-port", String.valueOf(p.incoming().port()), "--user", p.login(),
                "--password-file", pw.toString(), "--to", p.testRecipient(), "--timeout", "5",
                "--dns-server", demo.dnsServer()));
        a.addAll(List.of(extra));
        return a;
    }

    @Test
    void relayWithoutAuthGivesAuthRequiredAsJsonWithVerifiedFix() throws Exception {
        // the auth-required server offers STARTTLS but does not insist on it; "none" keeps the demo key out of this test
        Run r = run(args(demo.scenario("auth-required").orElseThrow(), "--json", "--smtp-auth", "off")
                .toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(json.at("/verdict/code").asText()).isEqualTo("AUTH_REQUIRED");
        assertThat(json.at("/verdict/verified").asBoolean()).isTrue();
        assertThat(json.at("/verdict/changes/0/type").asText()).isEqualTo("requireSmtpAuth");
        assertThat(json.at("/verdict/changes/0/mode").asText()).isEqualTo("same");
        assertThat(json.at("/verdict/evidence").toString()).contains("554 5.7.1 <friend@example.org>: Relay access denied");
        assertThat(r.err()).contains("[FAIL]").contains("[ ok ]");
    }

    @Test
    void authenticatedRelayGivesOkAndStatusZero() throws Exception {
        Run r = run(args(demo.scenario("ok").orElseThrow(), "--json", "--smtp-auth", "same").toArray(String[]::new));
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/verdict/code").asText()).as(r.err()).isEqualTo("OK");
        assertThat(r.status()).isZero();
    }

    @Test
    void textOutputNamesTheVerdictAndTheSettingInRussian() throws Exception {
        Run r = run(args(demo.scenario("auth-required").orElseThrow(), "--lang", "ru").toArray(String[]::new));
        assertThat(r.out()).contains("[AUTH_REQUIRED]").contains("SMTP-серверу требуется проверка подлинности")
                .contains("Relay access denied");
    }

    @Test
    void reportIsWrittenInTheFormatOfItsExtensionAndLanguage() throws Exception {
        DemoScenario s = demo.scenario("auth-required").orElseThrow();
        Path html = dir.resolve("report.html");
        Run r = run(args(s, "--smtp-auth", "off", "--report", html.toString(), "--lang", "ru").toArray(String[]::new));
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Проверка исходящей почты")
                .contains("AUTH_REQUIRED").doesNotContain(s.password().reveal());
        Path txt = dir.resolve("for-support");
        r = run(args(s, "--smtp-auth", "off", "--report", txt.toString(), "--format", "TXT", "--lang", "en")
                .toArray(String[]::new));
        assertThat(Files.readString(txt)).startsWith("Outgoing mail check for").contains("Relay access denied");
        assertThat(r.err()).contains("Report written to " + txt);
    }

    @Test
    void reportFormatThatCannotBeToldIsAUsageError() {
        Run r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1", "--report", "out.doc");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--format").doesNotContain("at org.");
        r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1", "--report", "a.html", "--format", "docx");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("html, pdf, txt, json or eml");
    }

    @Test
    void badPortIsAUsageErrorWithoutStackTrace() {
        Run r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1", "--smtp-port", "70000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--smtp-port").contains("70000").doesNotContain("at org.");
    }

    @Test
    void badSecurityIsAUsageError() {
        Run r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1", "--smtp-security", "tls1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("none, ssl, starttls, auto").doesNotContain("Exception");
    }

    @Test
    void missingPasswordVariableIsAUsageError() {
        Run r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1",
                "--password-env", "RELAY_DOCTOR_SURELY_UNSET_VARIABLE");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("RELAY_DOCTOR_SURELY_UNSET_VARIABLE").doesNotContain("Exception");
    }

    @Test
    void bothPasswordSourcesAreAUsageError() {
        Run r = run("check", "--email", "a@b.example", "--smtp-host", "127.0.0.1",
                "--password-env", "X", "--password-file", "y");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("mutually exclusive");
    }

    @Test
    void missingEmailIsAUsageError() {
        Run r = run("check", "--smtp-host", "127.0.0.1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--email");
    }

    @Test
    void demoCommandRunsEveryScenario() {
        Run r = run("demo", "--scenario", "pop-before-smtp");
        assertThat(r.out()).contains("pop-before-smtp").contains("POP_BEFORE_SMTP");
        assertThat(r.status()).as(r.out()).isZero();
    }
}
