package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The step list a Russian user reads when the server cannot be reached: every title filled in (no "{0}"), and a
/// failed step says what happened in Russian before the technical detail, not "CONNECTION_REFUSED: …".
class StepTextsTest {
    @Test
    void aRefusedConnectionReadsInTheCheckLanguage() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        AccountProfile profile = new AccountProfile("Closed", "", "anna@example.ru",
                new IncomingServer(MailProtocol.IMAP, "127.0.0.1", closed, Security.NONE),
                new OutgoingServer("127.0.0.1", closed, Security.NONE), "anna@example.ru", new SmtpAuth.Off(), false,
                "friend@example.org", Duration.ofSeconds(3));
        CheckResult r = new AccountCheck(new CheckOptions(Optional.empty(), false, false, false, Locale.of("ru")))
                .run(profile, Credentials.none(), CheckListener.NONE);

        assertThat(r.steps()).isNotEmpty();
        assertThat(r.steps()).allSatisfy(step -> assertThat(step.title()).doesNotContain("{"));
        assertThat(r.steps()).filteredOn(step -> step.outcome() == Outcome.FAILED).isNotEmpty()
                .allSatisfy(step -> assertThat(step.summary()).doesNotContainPattern("^[A-Z_]+:")
                        .containsPattern("^[А-Яа-яЁё]"));
    }
}
