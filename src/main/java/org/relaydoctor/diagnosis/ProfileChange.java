package org.relaydoctor.diagnosis;

import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;

/// One change to the account settings that a fix asks for; the GUI's "Apply this fix" performs it.
public sealed interface ProfileChange {

    AccountProfile applyTo(AccountProfile profile);

    /// Turn on "My outgoing server (SMTP) requires authentication" with the given mode.
    record RequireSmtpAuth(SmtpAuth auth) implements ProfileChange {
        @Override
        public AccountProfile applyTo(AccountProfile profile) {
            return profile.withSmtpAuth(auth);
        }
    }

    /// Turn on "Log on to incoming mail server before sending mail".
    record LogOnToIncomingFirst() implements ProfileChange {
        @Override
        public AccountProfile applyTo(AccountProfile profile) {
            return profile.withLogOnToIncomingFirst(true);
        }
    }

    /// Change the outgoing port and encryption pair (for example 587 with STARTTLS).
    record OutgoingPort(int port, Security security) implements ProfileChange {
        @Override
        public AccountProfile applyTo(AccountProfile profile) {
            return profile.withOutgoing(new OutgoingServer(profile.outgoing().host(), port, security));
        }
    }

    /// Change "E-mail address" (the sender) to one the server takes, for example the address the login owns.
    record EmailAddress(String address) implements ProfileChange {
        @Override
        public AccountProfile applyTo(AccountProfile profile) {
            return profile.withEmail(address);
        }
    }

    /// Change the outgoing server name (for example to the provider's submission server).
    record OutgoingHost(String host) implements ProfileChange {
        @Override
        public AccountProfile applyTo(AccountProfile profile) {
            OutgoingServer out = profile.outgoing();
            return profile.withOutgoing(new OutgoingServer(host, out.port(), out.security()));
        }
    }
}
