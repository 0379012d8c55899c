package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// Cancelling during the test send's wait for the message stops at once, not at the end of the wait.
class TestSendCancelTest {
    @Test
    void cancelDuringTheInboxLookEndsTheCheckAtOnce() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "smtp"),
                new ServerSetup(0, "127.0.0.1", "pop3")});
        mail.start();
        try {
            mail.setUser("ann@relay-doctor.test", "ann@relay-doctor.test", "ann-pw");
            // the account sends to itself, but the inbox looked into is always empty: the look would wait 60 s
            AccountProfile profile = new AccountProfile("cancel", "Ann", "nobody@relay-doctor.test",
                    new IncomingServer(MailProtocol.POP3, "127.0.0.1", mail.getPop3().getPort(), Security.NONE),
                    new OutgoingServer("127.0.0.1", mail.getSmtp().getPort(), Security.NONE), "ann@relay-doctor.test",
                    new SmtpAuth.SameAsIncoming(), false, "friend@example.org", Duration.ofSeconds(5));
            CheckOptions options = new CheckOptions(Optional.empty(), false, false, false, Locale.ENGLISH)
                    .withTestSend(new TestMessage(Optional.empty(), Duration.ofSeconds(60)));
            AccountCheck check = new AccountCheck(options);
            AtomicReference<Instant> cancelledAt = new AtomicReference<>();
            CheckResult result = check.run(profile, Credentials.of(Secret.of("ann-pw")), new CheckListener() {
                @Override
                public void stepStarted(String id, StepKind kind, String title) {
                    if (id.equals("test.arrival")) {
                        Thread.ofVirtual().start(() -> {
                            try {
                                Thread.sleep(700);
                            } catch (InterruptedException e) {
                                return;
                            }
                            cancelledAt.set(Instant.now());
                            check.cancel();
                        });
                    }
                }
            });
            assertThat(cancelledAt.get()).as(result.steps().toString()).isNotNull();
            assertThat(Duration.between(cancelledAt.get(), Instant.now())).isLessThan(Duration.ofSeconds(4));
            assertThat(mail.getReceivedMessages()).hasSize(1);
            assertThat(result.steps()).filteredOn(s -> s.id().equals("test.arrival"))
                    .singleElement().extracting(StepResult::outcome).isEqualTo(Outcome.CANCELLED);
        } finally {
            mail.stop();
        }
    }
}
