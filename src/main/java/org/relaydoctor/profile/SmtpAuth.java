package org.relaydoctor.profile;

import java.util.Objects;

/// "My outgoing server (SMTP) requires authentication" and how it logs on.
public sealed interface SmtpAuth {

    /// The box is off: the mail program sends without logging on.
    record Off() implements SmtpAuth {}

    /// "Use same settings as my incoming mail server".
    record SameAsIncoming() implements SmtpAuth {}

    /// "Log on using": a login of its own; the password is kept as a secret, never here.
    record OwnLogin(String user) implements SmtpAuth {
        public OwnLogin {
            Objects.requireNonNull(user, "user");
        }
    }
}
