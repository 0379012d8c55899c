package org.relaydoctor.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

class ProfileEditorViewModelTest {
    static AccountProfile sample() {
        return new AccountProfile("Work", "Anna", "anna@example.com",
                new IncomingServer(MailProtocol.POP3, "pop.example.com", 995, Security.SSL_TLS),
                new OutgoingServer("smtp.example.com", 25, Security.NONE), "anna", new SmtpAuth.Off(), false,
                "someone@example.org", Duration.ofSeconds(20));
    }

    @Test
    void loadedProfileComesBackUnchanged() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.of("pw"), Secret.empty(), true);
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.currentProfile()).contains(sample());
        assertThat(vm.credentials().incomingPassword()).isEqualTo(Secret.of("pw"));
    }

    @Test
    void invalidInputIsKeptButHeldBackFromTheEngine() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.empty(), Secret.empty(), true);
        vm.emailProperty().set("anna.example.com");
        vm.outgoingPortProperty().set("70000");

        assertThat(vm.emailStateProperty().get()).isEqualTo(FieldState.error("validation.email.noAt"));
        assertThat(vm.outgoingPortStateProperty().get()).isEqualTo(FieldState.error("validation.port.range"));
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.currentProfile()).isEmpty();
        assertThat(vm.emailProperty().get()).isEqualTo("anna.example.com");
        assertThat(vm.outgoingPortProperty().get()).isEqualTo("70000");

        vm.emailProperty().set("anna@example.com");
        vm.outgoingPortProperty().set("587");
        assertThat(vm.currentProfile()).map(p -> p.outgoing().port()).contains(587);
    }

    @Test
    void unusualPairWarnsButStaysUsable() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.empty(), Secret.empty(), true);
        vm.outgoingPortProperty().set("465");
        vm.outgoingSecurityProperty().set(Security.STARTTLS);
        assertThat(vm.outgoingPortStateProperty().get()).isEqualTo(FieldState.warning("validation.pair.implicitTlsPort"));
        assertThat(vm.currentProfile()).map(p -> p.outgoing().security()).contains(Security.STARTTLS);
    }

    @Test
    void portFollowsEncryptionAndAccountTypeUnlessTypedByHand() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.empty(), Secret.empty(), true);
        vm.accountTypeProperty().set(MailProtocol.IMAP);
        assertThat(vm.incomingPortProperty().get()).isEqualTo("993");
        vm.outgoingPortProperty().set("587");
        vm.outgoingSecurityProperty().set(Security.SSL_TLS);
        assertThat(vm.outgoingPortProperty().get()).isEqualTo("465");
        vm.outgoingPortProperty().set("2525");
        vm.outgoingSecurityProperty().set(Security.STARTTLS);
        assertThat(vm.outgoingPortProperty().get()).isEqualTo("2525");
    }

    @Test
    void ownSmtpLoginNeedsAUserAndCarriesItsOwnPassword() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.of("in"), Secret.empty(), true);
        vm.smtpAuthRequiredProperty().set(true);
        vm.outgoingLogonProperty().set(ProfileEditorViewModel.OutgoingLogon.OWN_LOGIN);
        assertThat(vm.smtpUserStateProperty().get().isError()).isTrue();
        vm.smtpUserProperty().set("relay-user");
        vm.smtpPasswordProperty().set("out");
        assertThat(vm.currentProfile()).map(AccountProfile::smtpAuth).contains(new SmtpAuth.OwnLogin("relay-user"));
        assertThat(vm.credentials().smtpPassword()).isEqualTo(Secret.of("out"));
    }

    @Test
    void applyingAFixChangesTheFieldsAndKeepsThePassword() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.of("pw"), Secret.empty(), true);
        boolean applied = vm.apply(List.of(new ProfileChange.RequireSmtpAuth(new SmtpAuth.SameAsIncoming()),
                new ProfileChange.OutgoingPort(587, Security.STARTTLS)));
        assertThat(applied).isTrue();
        assertThat(vm.smtpAuthRequiredProperty().get()).isTrue();
        assertThat(vm.outgoingPortProperty().get()).isEqualTo("587");
        assertThat(vm.outgoingSecurityProperty().get()).isEqualTo(Security.STARTTLS);
        assertThat(vm.passwordProperty().get()).isEqualTo("pw");
    }

    @Test
    void aFixIsNotAppliedOverInvalidFields() {
        ProfileEditorViewModel vm = new ProfileEditorViewModel();
        vm.load(sample(), Secret.empty(), Secret.empty(), true);
        vm.outgoingHostProperty().set("smtp://x");
        assertThat(vm.apply(List.of(new ProfileChange.LogOnToIncomingFirst()))).isFalse();
        assertThat(vm.logOnToIncomingFirstProperty().get()).isFalse();
        assertThat(vm.outgoingHostProperty().get()).isEqualTo("smtp://x");
    }
}
