package org.relaydoctor.profile;

import java.time.Duration;
import java.util.Objects;

/// An account as the user typed it into their mail program, shaped like Outlook's account dialog.
/// It never holds a password: those travel separately as {@link Secret}s.
///
/// @param name                     the profile's own name in the list
/// @param displayName              "Your name"
/// @param email                    "E-mail address"
/// @param incoming                 account type, incoming server, port, encryption
/// @param outgoing                 outgoing server (SMTP), port, encryption
/// @param login                    "User name" of the incoming server
/// @param smtpAuth                 "My outgoing server (SMTP) requires authentication"
/// @param logOnToIncomingFirst     "Log on to incoming mail server before sending mail"
/// @param testRecipient            a recipient outside the account's domain, used by relay probes
/// @param timeout                  the server time-out for each network step
public record AccountProfile(
        String name,
        String displayName,
        String email,
        IncomingServer incoming,
        OutgoingServer outgoing,
        String login,
        SmtpAuth smtpAuth,
        boolean logOnToIncomingFirst,
        String testRecipient,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    public AccountProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(smtpAuth, "smtpAuth");
        Objects.requireNonNull(testRecipient, "testRecipient");
        Objects.requireNonNull(timeout, "timeout");
    }

    /// The domain part of the e-mail address, lower-cased; empty when the address has none.
    public String emailDomain() {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    public AccountProfile withOutgoing(OutgoingServer value) {
        return new AccountProfile(name, displayName, email, incoming, value, login, smtpAuth, logOnToIncomingFirst,
                testRecipient, timeout);
    }

    public AccountProfile withSmtpAuth(SmtpAuth value) {
        return new AccountProfile(name, displayName, email, incoming, outgoing, login, value, logOnToIncomingFirst,
                testRecipient, timeout);
    }

    public AccountProfile withLogOnToIncomingFirst(boolean value) {
        return new AccountProfile(name, displayName, email, incoming, outgoing, login, smtpAuth, value,
                testRecipient, timeout);
    }

    public AccountProfile withEmail(String value) {
        return new AccountProfile(name, displayName, value, incoming, outgoing, login, smtpAuth, logOnToIncomingFirst,
                testRecipient, timeout);
    }

    public AccountProfile withName(String value) {
        return new AccountProfile(value, displayName, email, incoming, outgoing, login, smtpAuth, logOnToIncomingFirst,
                testRecipient, timeout);
    }
}
