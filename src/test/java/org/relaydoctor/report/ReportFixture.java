package org.relaydoctor.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Outcome;
import org.relaydoctor.check.SmtpServerFacts;
import org.relaydoctor.check.StepKind;
import org.relaydoctor.check.StepResult;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.diagnosis.Finding;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.diagnosis.RelayVerdict;
import org.relaydoctor.diagnosis.Severity;
import org.relaydoctor.diagnosis.VerdictCode;
import org.relaydoctor.dns.DnsReport;
import org.relaydoctor.dns.DnsStatus;
import org.relaydoctor.dns.MxRecord;
import org.relaydoctor.dns.SpfEvaluator;
import org.relaydoctor.probe.Redactor;
import org.relaydoctor.probe.Transcript;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// A fixed check result for report tests: AUTH_REQUIRED fixed by turning on SMTP authentication, with TLS, DNS
/// and a transcript whose AUTH exchange went through the real {@link Redactor}. Time stamps are fixed.
public final class ReportFixture {
    static final String USER = "anna@example.ru";
    public static final String PASSWORD = "Pa55-секрет!";
    static final Instant START = Instant.parse("2026-11-28T09:15:30.250Z");

    private ReportFixture() {
    }

    /// The base64 forms a leak could take: the password alone and the AUTH PLAIN blobs with and without authzid.
    public static List<String> secretForms() {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(PASSWORD,
                b64.encodeToString(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                b64.encodeToString((USER + "\0" + USER + "\0" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static CheckResult result() {
        AccountProfile profile = new AccountProfile("Office", "Анна Петрова", USER,
                new IncomingServer(MailProtocol.IMAP, "imap.example.ru", 993, Security.SSL_TLS),
                new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS),
                USER, new SmtpAuth.Off(), false, "relay-doctor-test@example.com", Duration.ofSeconds(15));
        Redactor redactor = new Redactor();
        redactor.addSecret(Secret.of(PASSWORD));
        redactor.addPlainCredentials(USER, Secret.of(PASSWORD));
        Transcript t = new Transcript(redactor, new TickingClock(START));
        t.server(1, "220 smtp.example.ru ESMTP Postfix");
        t.client(1, "EHLO relay-doctor", false);
        t.server(1, "250-smtp.example.ru");
        t.server(1, "250 STARTTLS");
        t.client(1, "STARTTLS", false);
        t.server(1, "220 2.0.0 Ready to start TLS");
        t.note(1, "TLS 1.3 TLS_AES_256_GCM_SHA384");
        t.client(1, "MAIL FROM:<anna@example.ru>", false);
        t.server(1, "250 2.1.0 Ok");
        t.client(1, "RCPT TO:<relay-doctor-test@example.com>", false);
        t.server(1, "554 5.7.1 <relay-doctor-test@example.com>: Relay access denied");
        t.client(2, "AUTH PLAIN " + secretForms().get(2), false);
        t.server(2, "235 2.7.0 Authentication successful");
        t.client(2, "AUTH LOGIN", false);
        t.server(2, "334 VXNlcm5hbWU6");
        t.client(2, Base64.getEncoder().encodeToString(USER.getBytes()), true);
        t.server(2, "334 UGFzc3dvcmQ6");
        t.client(2, secretForms().get(1), true);
        t.server(2, "535 5.7.8 Error: authentication failed: " + PASSWORD);
        t.client(2, "RCPT TO:<relay-doctor-test@example.com>", false);
        t.server(2, "250 2.1.5 Ok");
        String refusal = "554 5.7.1 <relay-doctor-test@example.com>: Relay access denied";
        RelayVerdict verdict = new RelayVerdict(VerdictCode.AUTH_REQUIRED, true, List.of(refusal),
                List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming())), List.of());
        List<StepResult> steps = List.of(
                new StepResult("dns", StepKind.DNS, "DNS", Outcome.WARNING, Duration.ofMillis(84),
                        "MX: mx.yandex.net; SPF does not cover 198.51.100.25", List.of()),
                new StepResult("smtp.587.configured", StepKind.CONFIGURED_ATTEMPT, "Ваши настройки", Outcome.FAILED,
                        Duration.ofMillis(412), "refused at RCPT", List.of(refusal)),
                new StepResult("smtp.587.auth", StepKind.PROBE, "С проверкой подлинности", Outcome.PASSED,
                        Duration.ofMillis(377), "accepted at RCPT: 250 2.1.5 Ok", List.of()));
        DnsReport dns = new DnsReport("example.ru", "127.0.0.1:53", DnsStatus.FOUND,
                List.of(new MxRecord(10, "mx.yandex.net", Optional.of("yandex"), List.of("77.88.21.249"), Optional.empty())),
                Optional.of("yandex"),
                List.of(new DnsReport.ServerName("outgoing", "smtp.example.ru", DnsStatus.FOUND, List.of("198.51.100.25"),
                        Optional.empty())),
                List.of(new DnsReport.SrvRecord("_submission._tcp", 0, 1, 587, "smtp.example.ru")),
                Optional.of(new DnsReport.SpfReport("example.ru", DnsStatus.FOUND,
                        Optional.of("v=spf1 include:_spf.yandex.net ~all"),
                        List.of(new SpfEvaluator.Evaluation("198.51.100.25", SpfEvaluator.Result.SOFTFAIL, "~all", 2)))),
                List.of(new DnsReport.ReverseName("client", "203.0.113.7", DnsStatus.FOUND,
                        Optional.of("203-0-113-7.dyn.isp.example"), true)),
                List.of(new DnsReport.BlocklistResult("203.0.113.7", "pbl.example", true, DnsStatus.FOUND,
                        List.of("127.0.0.10"), "dynamic address")),
                List.of(new Finding(FindingCode.SPF_NOT_COVERING, Severity.WARNING,
                        Map.of("domain", "example.ru", "address", "198.51.100.25", "result", "SOFTFAIL", "mechanism", "~all"))));
        SmtpServerFacts smtp = new SmtpServerFacts("smtp.example.ru", 587, "198.51.100.25",
                List.of("220 smtp.example.ru ESMTP Postfix"),
                List.of("PIPELINING", "SIZE 10240000", "STARTTLS", "AUTH PLAIN LOGIN", "8BITMIME"),
                List.of("PLAIN", "LOGIN"), Optional.of("203.0.113.7"),
                Optional.of(new TlsFacts("TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=smtp.example.ru",
                        "CN=R11, O=Let's Encrypt, C=US", Instant.parse("2027-02-01T12:00:00Z"),
                        List.of("smtp.example.ru"), true, true)));
        return new CheckResult(profile, START, Duration.ofMillis(1234), verdict,
                List.of(new Finding(FindingCode.SPF_NOT_COVERING, Severity.WARNING,
                        Map.of("domain", "example.ru", "address", "198.51.100.25", "result", "SOFTFAIL", "mechanism", "~all"))),
                steps, Optional.of(dns), Optional.of(smtp), t.lines(), "0.1.0");
    }

    /// Each reading 37 ms after the last, so the transcript's time stamps are fixed and distinct.
    private static final class TickingClock extends Clock {
        private Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(37);
            return now;
        }
    }
}
