package org.relaydoctor.ui.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.relaydoctor.diagnosis.Messages;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// What the test-send confirmation says and what it asks the engine for.
class TestSendDialogTest {
    private static final AccountProfile PROFILE = new AccountProfile("Anna", "Анна Петрова", "anna@example.ru",
            new IncomingServer(MailProtocol.POP3, "pop.example.ru", 995, Security.SSL_TLS),
            new OutgoingServer("smtp.example.ru", 587, Security.STARTTLS), "anna", new SmtpAuth.SameAsIncoming(), true,
            "friend@example.org", Duration.ofSeconds(15));

    @Test
    void summaryNamesSenderServerAuthenticationAndPopFirstInEachLanguage() {
        String en = TestSendDialog.summary(PROFILE, Messages.load("ui", Locale.ENGLISH));
        assertThat(en).contains("Анна Петрова <anna@example.ru>").contains("smtp.example.ru, port 587")
                .contains("STARTTLS").contains("as the incoming server (anna)").contains("pop.example.ru")
                .contains("Relay Doctor test message");
        String ru = TestSendDialog.summary(PROFILE, Messages.load("ui", Locale.of("ru")));
        assertThat(ru).contains("Через: smtp.example.ru, порт 587").contains("Тестовое письмо Relay Doctor")
                .contains("pop.example.ru");
        String uk = TestSendDialog.summary(PROFILE, Messages.load("ui", Locale.of("uk")));
        assertThat(uk).contains("Тестовий лист Relay Doctor");
        for (String text : new String[] {en, ru, uk}) {
            assertThat(text).doesNotContain("[testSend.");
        }
    }

    @Test
    void ownAddressIsTheDefaultAndIsLookedFor() {
        var m = TestSendDialog.message(PROFILE, " Anna@Example.ru ", true).orElseThrow();
        assertThat(m.recipient()).isEmpty();
        assertThat(m.arrivalWait()).isEqualTo(TestSendDialog.ARRIVAL_WAIT).isPositive();
        assertThat(TestSendDialog.message(PROFILE, "anna@example.ru", false).orElseThrow().arrivalWait()).isZero();
    }

    @Test
    void anotherAddressGetsTheMessageWithoutALook() {
        var m = TestSendDialog.message(PROFILE, "support@provider.example", true).orElseThrow();
        assertThat(m.recipient()).isEqualTo(Optional.of("support@provider.example"));
        assertThat(m.arrivalWait()).isZero();
    }

    @Test
    void somethingThatIsNotAnAddressCannotBeSent() {
        assertThat(TestSendDialog.message(PROFILE, "", true)).isEmpty();
        assertThat(TestSendDialog.message(PROFILE, "anna", true)).isEmpty();
        assertThat(TestSendDialog.message(PROFILE, "anna@", true)).isEmpty();
        assertThat(TestSendDialog.message(PROFILE, "a b@example.org", true)).isEmpty();
    }
}
