package org.relaydoctor.ui.profiles;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.relaydoctor.check.Credentials;
import org.relaydoctor.diagnosis.ProfileChange;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// The account editor's state: every field exactly as typed (so nothing typed is ever lost), a
/// {@link FieldState} per checked field, and the {@link AccountProfile} those fields make — present only while
/// every field is valid, so invalid input never reaches the engine. Needs no FX thread.
public final class ProfileEditorViewModel {

    /// How the outgoing server logs on when "requires authentication" is ticked.
    public enum OutgoingLogon {
        /// "Use same settings as my incoming mail server".
        SAME_AS_INCOMING,
        /// "Log on using" a user name and password of its own.
        OWN_LOGIN
    }

    private final StringProperty profileName = new SimpleStringProperty(this, "profileName", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final ObjectProperty<MailProtocol> accountType = new SimpleObjectProperty<>(this, "accountType", MailProtocol.IMAP);
    private final StringProperty incomingHost = new SimpleStringProperty(this, "incomingHost", "");
    private final StringProperty outgoingHost = new SimpleStringProperty(this, "outgoingHost", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty(this, "rememberPassword", true);
    private final BooleanProperty smtpAuthRequired = new SimpleBooleanProperty(this, "smtpAuthRequired", true);
    private final ObjectProperty<OutgoingLogon> outgoingLogon =
            new SimpleObjectProperty<>(this, "outgoingLogon", OutgoingLogon.SAME_AS_INCOMING);
    private final StringProperty smtpUser = new SimpleStringProperty(this, "smtpUser", "");
    private final StringProperty smtpPassword = new SimpleStringProperty(this, "smtpPassword", "");
    private final BooleanProperty logOnToIncomingFirst = new SimpleBooleanProperty(this, "logOnToIncomingFirst", false);
    private final StringProperty incomingPort = new SimpleStringProperty(this, "incomingPort", "993");
    private final ObjectProperty<Security> incomingSecurity = new SimpleObjectProperty<>(this, "incomingSecurity", Security.SSL_TLS);
    private final StringProperty outgoingPort = new SimpleStringProperty(this, "outgoingPort", "587");
    private final ObjectProperty<Security> outgoingSecurity = new SimpleObjectProperty<>(this, "outgoingSecurity", Security.STARTTLS);
    private final StringProperty timeoutSeconds = new SimpleStringProperty(this, "timeoutSeconds",
            Long.toString(AccountProfile.DEFAULT_TIMEOUT.toSeconds()));
    private final StringProperty testRecipient = new SimpleStringProperty(this, "testRecipient", "");

    private final ReadOnlyObjectWrapper<FieldState> emailState = state("emailState");
    private final ReadOnlyObjectWrapper<FieldState> incomingHostState = state("incomingHostState");
    private final ReadOnlyObjectWrapper<FieldState> outgoingHostState = state("outgoingHostState");
    private final ReadOnlyObjectWrapper<FieldState> smtpUserState = state("smtpUserState");
    private final ReadOnlyObjectWrapper<FieldState> incomingPortState = state("incomingPortState");
    private final ReadOnlyObjectWrapper<FieldState> outgoingPortState = state("outgoingPortState");
    private final ReadOnlyObjectWrapper<FieldState> timeoutState = state("timeoutState");
    private final ReadOnlyObjectWrapper<FieldState> testRecipientState = state("testRecipientState");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);
    private final ReadOnlyObjectWrapper<AccountProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");

    private boolean loading;

    public ProfileEditorViewModel() {
        accountType.addListener((o, was, now) -> followDefaultPort(incomingPort, was, incomingSecurity.get(), now,
                incomingSecurity.get()));
        incomingSecurity.addListener((o, was, now) -> followDefaultPort(incomingPort, accountType.get(), was,
                accountType.get(), now));
        outgoingSecurity.addListener((o, was, now) -> {
            if (!loading && outgoingPort.get().strip().equals(Integer.toString(smtpDefaultPort(was)))) {
                outgoingPort.set(Integer.toString(smtpDefaultPort(now)));
            }
        });
        Observable[] inputs = {profileName, displayName, email, accountType, incomingHost, outgoingHost, login,
            rememberPassword, smtpAuthRequired, outgoingLogon, smtpUser, logOnToIncomingFirst, incomingPort,
            incomingSecurity, outgoingPort, outgoingSecurity, timeoutSeconds, testRecipient};
        for (Observable input : inputs) {
            input.addListener(o -> revalidate());
        }
        revalidate();
    }

    /// Fills every field from a stored profile; a password is only known for the session.
    public void load(AccountProfile p, Secret incomingPassword, Secret outgoingPassword, boolean remember) {
        loading = true;
        try {
            profileName.set(p.name());
            displayName.set(p.displayName());
            email.set(p.email());
            accountType.set(p.incoming().protocol());
            incomingHost.set(p.incoming().host());
            incomingPort.set(Integer.toString(p.incoming().port()));
            incomingSecurity.set(p.incoming().security());
            outgoingHost.set(p.outgoing().host());
            outgoingPort.set(Integer.toString(p.outgoing().port()));
            outgoingSecurity.set(p.outgoing().security());
            login.set(p.login());
            password.set(incomingPassword.reveal());
            smtpPassword.set(outgoingPassword.reveal());
            rememberPassword.set(remember);
            switch (p.smtpAuth()) {
                case SmtpAuth.Off off -> smtpAuthRequired.set(false);
                case SmtpAuth.SameAsIncoming same -> {
                    smtpAuthRequired.set(true);
                    outgoingLogon.set(OutgoingLogon.SAME_AS_INCOMING);
                }
                case SmtpAuth.OwnLogin own -> {
                    smtpAuthRequired.set(true);
                    outgoingLogon.set(OutgoingLogon.OWN_LOGIN);
                    smtpUser.set(own.user());
                }
            }
            logOnToIncomingFirst.set(p.logOnToIncomingFirst());
            timeoutSeconds.set(Long.toString(Math.max(1, p.timeout().toSeconds())));
            testRecipient.set(p.testRecipient());
        } finally {
            loading = false;
        }
        revalidate();
    }

    /// "Fill from provider": takes the servers, ports, encryption and log-on of `suggested`, keeps the name,
    /// address and passwords the user typed.
    public void fillServers(AccountProfile suggested) {
        accountType.set(suggested.incoming().protocol());
        incomingHost.set(suggested.incoming().host());
        incomingSecurity.set(suggested.incoming().security());
        incomingPort.set(Integer.toString(suggested.incoming().port()));
        outgoingHost.set(suggested.outgoing().host());
        outgoingSecurity.set(suggested.outgoing().security());
        outgoingPort.set(Integer.toString(suggested.outgoing().port()));
        if (!suggested.login().isBlank()) {
            login.set(suggested.login());
        }
        switch (suggested.smtpAuth()) {
            case SmtpAuth.Off off -> smtpAuthRequired.set(false);
            case SmtpAuth.SameAsIncoming same -> {
                smtpAuthRequired.set(true);
                outgoingLogon.set(OutgoingLogon.SAME_AS_INCOMING);
            }
            case SmtpAuth.OwnLogin own -> {
                smtpAuthRequired.set(true);
                outgoingLogon.set(OutgoingLogon.OWN_LOGIN);
                smtpUser.set(own.user());
            }
        }
        logOnToIncomingFirst.set(suggested.logOnToIncomingFirst());
    }

    /// Applies a verdict's changes to the fields; returns false (and changes nothing) while the form is invalid.
    public boolean apply(List<ProfileChange> changes) {
        AccountProfile current = profile.get();
        if (current == null) {
            return false;
        }
        AccountProfile changed = current;
        for (ProfileChange change : changes) {
            changed = change.applyTo(changed);
        }
        load(changed, Secret.of(password.get()), Secret.of(smtpPassword.get()), rememberPassword.get());
        return true;
    }

    /// The passwords as typed, for one check; they never become part of the profile.
    public Credentials credentials() {
        Secret smtp = smtpAuthRequired.get() && outgoingLogon.get() == OutgoingLogon.OWN_LOGIN
                ? Secret.of(smtpPassword.get()) : Secret.empty();
        return new Credentials(Secret.of(password.get()), smtp);
    }

    /// The profile the fields make, when they are all valid.
    public Optional<AccountProfile> currentProfile() {
        return Optional.ofNullable(profile.get());
    }

    private void revalidate() {
        if (loading) {
            return;
        }
        emailState.set(SettingsValidator.email(email.get(), false));
        incomingHostState.set(SettingsValidator.host(incomingHost.get()));
        outgoingHostState.set(SettingsValidator.host(outgoingHost.get()));
        boolean ownLogin = smtpAuthRequired.get() && outgoingLogon.get() == OutgoingLogon.OWN_LOGIN;
        smtpUserState.set(ownLogin && smtpUser.get().isBlank()
                ? FieldState.error("validation.smtpUser.empty") : FieldState.FINE);
        incomingPortState.set(SettingsValidator.pair(incomingPort.get(), incomingSecurity.get()));
        outgoingPortState.set(SettingsValidator.pair(outgoingPort.get(), outgoingSecurity.get()));
        timeoutState.set(SettingsValidator.timeoutSeconds(timeoutSeconds.get()));
        testRecipientState.set(SettingsValidator.email(testRecipient.get(), true));
        boolean ok = List.of(emailState, incomingHostState, outgoingHostState, smtpUserState, incomingPortState,
                outgoingPortState, timeoutState, testRecipientState).stream().noneMatch(s -> s.get().isError());
        valid.set(ok);
        profile.set(ok ? build() : null);
    }

    private AccountProfile build() {
        SmtpAuth auth = !smtpAuthRequired.get() ? new SmtpAuth.Off()
                : outgoingLogon.get() == OutgoingLogon.OWN_LOGIN ? new SmtpAuth.OwnLogin(smtpUser.get().strip())
                : new SmtpAuth.SameAsIncoming();
        String address = email.get().strip();
        String name = profileName.get().isBlank() ? address : profileName.get().strip();
        return new AccountProfile(name, displayName.get().strip(), address,
                new IncomingServer(accountType.get(), incomingHost.get().strip(),
                        SettingsValidator.parsePort(incomingPort.get().strip()), incomingSecurity.get()),
                new OutgoingServer(outgoingHost.get().strip(),
                        SettingsValidator.parsePort(outgoingPort.get().strip()), outgoingSecurity.get()),
                login.get().strip(), auth, logOnToIncomingFirst.get(), testRecipient.get().strip(),
                Duration.ofSeconds(Integer.parseInt(timeoutSeconds.get().strip())));
    }

    /// Moves the port along with the protocol or encryption, as Outlook does, unless the user typed their own.
    private void followDefaultPort(StringProperty port, MailProtocol oldProtocol, Security oldSecurity,
            MailProtocol newProtocol, Security newSecurity) {
        if (!loading && oldProtocol != null && oldSecurity != null
                && port.get().strip().equals(Integer.toString(oldProtocol.defaultPort(oldSecurity)))) {
            port.set(Integer.toString(newProtocol.defaultPort(newSecurity)));
        }
    }

    private static int smtpDefaultPort(Security security) {
        return security == Security.SSL_TLS ? 465 : 587;
    }

    private ReadOnlyObjectWrapper<FieldState> state(String name) {
        return new ReadOnlyObjectWrapper<>(this, name, FieldState.FINE);
    }

    // Editable fields, bound both ways by the view.
    public StringProperty profileNameProperty() { return profileName; }
    public StringProperty displayNameProperty() { return displayName; }
    public StringProperty emailProperty() { return email; }
    public ObjectProperty<MailProtocol> accountTypeProperty() { return accountType; }
    public StringProperty incomingHostProperty() { return incomingHost; }
    public StringProperty outgoingHostProperty() { return outgoingHost; }
    public StringProperty loginProperty() { return login; }
    public StringProperty passwordProperty() { return password; }
    public BooleanProperty rememberPasswordProperty() { return rememberPassword; }
    public BooleanProperty smtpAuthRequiredProperty() { return smtpAuthRequired; }
    public ObjectProperty<OutgoingLogon> outgoingLogonProperty() { return outgoingLogon; }
    public StringProperty smtpUserProperty() { return smtpUser; }
    public StringProperty smtpPasswordProperty() { return smtpPassword; }
    public BooleanProperty logOnToIncomingFirstProperty() { return logOnToIncomingFirst; }
    public StringProperty incomingPortProperty() { return incomingPort; }
    public ObjectProperty<Security> incomingSecurityProperty() { return incomingSecurity; }
    public StringProperty outgoingPortProperty() { return outgoingPort; }
    public ObjectProperty<Security> outgoingSecurityProperty() { return outgoingSecurity; }
    public StringProperty timeoutSecondsProperty() { return timeoutSeconds; }
    public StringProperty testRecipientProperty() { return testRecipient; }

    // Derived state, read-only.
    public ReadOnlyObjectProperty<FieldState> emailStateProperty() { return emailState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> incomingHostStateProperty() { return incomingHostState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> outgoingHostStateProperty() { return outgoingHostState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> smtpUserStateProperty() { return smtpUserState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> incomingPortStateProperty() { return incomingPortState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> outgoingPortStateProperty() { return outgoingPortState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> timeoutStateProperty() { return timeoutState.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FieldState> testRecipientStateProperty() { return testRecipientState.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AccountProfile> profileProperty() { return profile.getReadOnlyProperty(); }
}
