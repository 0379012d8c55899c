package org.relaydoctor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaydoctor.check.CheckListener;
import org.relaydoctor.check.CheckOptions;
import org.relaydoctor.check.CheckResult;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.check.DnsStep;
import org.relaydoctor.check.TlsFacts;
import org.relaydoctor.demo.DemoServers;
import org.relaydoctor.demo.DemoSmtpServer;
import org.relaydoctor.demo.DemoTls;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.diagnosis.FindingCode;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.profile.TrustedCertificates;

/// The window's checks trust the certificates the user accepted: the same self-signed server is untrusted, then,
/// once its fingerprint is in the trusted list, trusted on the next check. No DNS step: nothing leaves the machine.
class EngineCheckRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aCertificateTrustedInTheListIsTrustedByTheNextCheck() throws IOException {
        try (DemoSmtpServer server = DemoSmtpServer.start(SmtpHandler::new, DemoTls.load())) {
            AccountProfile profile = new AccountProfile("self-signed", "Alice", DemoServers.LOGIN,
                    new IncomingServer(MailProtocol.POP3, "", 110, Security.NONE),
                    new OutgoingServer("127.0.0.1", server.port(), Security.STARTTLS), DemoServers.LOGIN,
                    new SmtpAuth.SameAsIncoming(), false, "friend@example.org", Duration.ofSeconds(5));
            CheckOptions options = new CheckOptions(Optional.empty(), false, false, false, Locale.ENGLISH);
            TrustedCertificates store = new TrustedCertificates(dir);
            Credentials credentials = Credentials.of(Secret.of(DemoServers.PASSWORD));

            CheckResult first = EngineCheckRunner.factory(store, DnsStep.NONE).create(options).run(profile, credentials,
                    CheckListener.NONE);
            TlsFacts tls = first.smtp().flatMap(s -> s.tls()).orElseThrow();
            assertThat(tls.trusted()).isFalse();
            assertThat(first.findings()).anyMatch(f -> f.code() == FindingCode.TLS_CERT_UNTRUSTED);

            store.add(new TrustedCertificates.Entry(tls.sha256(), tls.subject(), "127.0.0.1:" + server.port(),
                    Instant.now()));
            CheckResult second = EngineCheckRunner.factory(store, DnsStep.NONE).create(options).run(profile, credentials,
                    CheckListener.NONE);
            assertThat(second.smtp().flatMap(s -> s.tls()).orElseThrow().trusted()).isTrue();
            assertThat(second.findings()).noneMatch(f -> f.code() == FindingCode.TLS_CERT_UNTRUSTED);
        }
    }
}
