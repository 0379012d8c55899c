package org.relaydoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.demo.DemoScenario;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.demo.DemoSmtpServer;
import org.relaydoctor.demo.DemoTls;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.probe.TlsTrust;
import org.relaydoctor.profile.TrustedCertificates;

/// `--trust-cert` and `--insecure-tls` against servers with the demo's self-signed certificate, which no system
/// trust store knows: without them the check stops at TLS with the certificate's facts, with them it goes on.
class TrustCertTest {
    private static DemoServers demo;
    private static DemoSmtpServer implicitTls;
    private static String fingerprint;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServers.start();
        implicitTls = DemoSmtpServer.startImplicitTls(SmtpHandler::new, demo.tls());
        fingerprint = TlsTrust.sha256(demo.tls().certificate());
    }

    @AfterAll
    static void stop() {
        implicitTls.close();
        demo.close();
    }

    /// The "ok" scenario (relays after login) over STARTTLS, with the system's trust only.
    private List<String> args(String... extra) throws Exception {
        DemoScenario s = demo.scenario("ok").orElseThrow();
        Path pw = dir.resolve("password");
        Files.writeString(pw, s.password().reveal() + "\n");
        var p = s.profile();
        List<String> a = new ArrayList<>(List.of("check", "--email", p.email(), "--smtp-host", "127.0.0.1",
                "--smtp-port", String.valueOf(p.outgoing().port()), "--smtp-security", "starttls",
                "--incoming-host", "127.0.0.1", "--incoming-port", String.valueOf(demo.pop3Port()),
                "--user", p.login(), "--password-file", pw.toString(), "--smtp-auth", "same",
                "--to", p.testRecipient(), "--timeout", "5", "--dns-server", demo.dnsServer()));
        a.addAll(List.of(extra));
        return a;
    }

    private static CheckCommandTest.Run run(List<String> args) {
        return CheckCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void selfSignedCertificateIsTlsFailedWithItsFactsAndTheHint() throws Exception {
        CheckCommandTest.Run r = run(args("--lang", "en"));
        assertThat(r.status()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).contains("[TLS_FAILED]").contains("The server's certificate:")
                .contains("SHA-256: " + fingerprint).contains("Trusted: no")
                .contains("--trust-cert " + fingerprint.replace(":", ""));
        CheckCommandTest.Run json = run(args("--json"));
        JsonNode tree = new ObjectMapper().readTree(json.out());
        assertThat(tree.at("/verdict/code").asText()).isEqualTo("TLS_FAILED");
        assertThat(tree.at("/smtp/tls/sha256").asText()).isEqualTo(fingerprint);
        assertThat(tree.at("/smtp/tls/trusted").asBoolean()).isFalse();
    }

    @Test
    void pinnedFingerprintLetsTheCheckGoOn() throws Exception {
        CheckCommandTest.Run r = run(args("--json", "--trust-cert", fingerprint.replace(":", "").toLowerCase()));
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertThat(r.status()).as(r.out()).isEqualTo(0);
        assertThat(tree.at("/verdict/code").asText()).isEqualTo("OK");
    }

    @Test
    void theTestSendRefusesAnUntrustedCertificateToo() throws Exception {
        CheckCommandTest.Run r = run(args("--json", "--test-send", "--test-send-to", "friend@example.org"));
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertThat(tree.at("/verdict/code").asText()).isEqualTo("TLS_FAILED");
        JsonNode refused = null;
        for (JsonNode f : tree.at("/findings")) {
            if (f.at("/code").asText().equals("TEST_MESSAGE_REFUSED")) {
                refused = f;
            }
        }
        assertThat(refused).as(r.out()).isNotNull();
        assertThat(refused.toString()).contains("TLS");
        assertThat(tree.at("/transcript").toString()).doesNotContain("MAIL FROM:<alice@demo.test> ").contains("STARTTLS");
    }

    /// What the window trusted ("Trust this certificate…") the command line trusts too, from the same folder.
    @Test
    void aCertificateTrustedInTheWindowLetsTheCheckGoOn() throws Exception {
        Path config = dir.resolve("config");
        new TrustedCertificates(config).add(new TrustedCertificates.Entry(fingerprint, "CN=localhost",
                "127.0.0.1:587", Instant.now()));
        StringWriter out = new StringWriter();
        int status = new RelayDoctorCommand(() -> config).run(args("--json").toArray(String[]::new),
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).as(out.toString()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(out.toString()).at("/smtp/tls/trusted").asBoolean()).isTrue();
    }

    @Test
    void aFingerprintOfAnotherCertificateDoesNotHelp() throws Exception {
        String other = "AB".repeat(32);
        CheckCommandTest.Run r = run(args("--json", "--trust-cert", other));
        assertThat(new ObjectMapper().readTree(r.out()).at("/verdict/code").asText()).isEqualTo("TLS_FAILED");
    }

    @Test
    void pemFileLetsTheCheckGoOn() throws Exception {
        Path pem = dir.resolve("server.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(demo.tls().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        CheckCommandTest.Run r = run(args("--json", "--trust-cert", pem.toString()));
        assertThat(r.status()).as(r.out()).isEqualTo(0);
    }

    @Test
    void insecureTlsGoesOnButStillReportsTheCertificate() throws Exception {
        CheckCommandTest.Run r = run(args("--json", "--insecure-tls"));
        JsonNode tree = new ObjectMapper().readTree(r.out());
        assertThat(r.status()).as(r.out()).isEqualTo(0);
        assertThat(tree.at("/verdict/code").asText()).isEqualTo("OK");
    }

    @Test
    void implicitTlsPortIsJudgedTheSameWay() throws Exception {
        List<String> base = List.of("check", "--email", DemoServers.LOGIN, "--smtp-host", "127.0.0.1",
                "--smtp-port", String.valueOf(implicitTls.port()), "--smtp-security", "ssl", "--to",
                "postmaster@" + SmtpHandler.DOMAIN, "--timeout", "5", "--json", "--dns-server",
                demo.dnsServer());
        assertThat(new ObjectMapper().readTree(run(base).out()).at("/verdict/code").asText()).isEqualTo("TLS_FAILED");
        List<String> pinned = new ArrayList<>(base);
        pinned.addAll(List.of("--trust-cert", "SHA256:" + fingerprint));
        CheckCommandTest.Run r = run(pinned);
        assertThat(new ObjectMapper().readTree(r.out()).at("/verdict/code").asText()).as(r.out()).isEqualTo("OK");
    }

    @Test
    void neitherFingerprintNorFileIsAUsageError() throws Exception {
        CheckCommandTest.Run r = run(args("--trust-cert", "no-such-file.pem"));
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--trust-cert").contains("neither a SHA-256 fingerprint").doesNotContain("Exception");
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "not a certificate");
        CheckCommandTest.Run bad = run(args("--trust-cert", junk.toString()));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--trust-cert").doesNotContain("\tat ");
    }

    @Test
    void fingerprintsAreReadInTheirCommonSpellings() {
        String hex = "0123456789abcdef".repeat(4);
        String canonical = TlsTrust.fingerprint(hex).orElseThrow();
        assertThat(canonical).hasSize(95).startsWith("01:23:45").isUpperCase();
        assertThat(TlsTrust.fingerprint(canonical.toLowerCase())).contains(canonical);
        assertThat(TlsTrust.fingerprint("SHA256:" + canonical)).contains(canonical);
        assertThat(TlsTrust.fingerprint(canonical.replace(':', ' '))).contains(canonical);
        assertThat(TlsTrust.fingerprint(hex.substring(2))).isEmpty();
        assertThat(TlsTrust.fingerprint("server.pem")).isEmpty();
        assertThat(DemoTls.load().certificate()).isNotNull();
    }
}
