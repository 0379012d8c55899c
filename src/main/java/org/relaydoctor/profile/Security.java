package org.relaydoctor.profile;

/// "Use the following type of encrypted connection", as in the account dialog.
public enum Security {
    /// No encryption at all.
    NONE,
    /// Implicit TLS from the first byte (SMTPS 465, POP3S 995, IMAPS 993).
    SSL_TLS,
    /// Plain connection upgraded with STARTTLS (STLS for POP3).
    STARTTLS,
    /// STARTTLS when the server offers it, plain otherwise (outgoing server only).
    AUTO
}
