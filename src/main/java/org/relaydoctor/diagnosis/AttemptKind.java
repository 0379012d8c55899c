package org.relaydoctor.diagnosis;

/// What a relay attempt varied compared with the user's settings; the probe matrix is keyed by it.
public enum AttemptKind {
    /// Exactly the user's settings.
    CONFIGURED,
    /// The same, logged on with the incoming server's credentials (or the SMTP login when it has one).
    WITH_AUTH,
    /// The same, right after a POP3/IMAP login from the same address (POP-before-SMTP).
    AFTER_INCOMING_LOGIN,
    /// The same over an encrypted connection (STARTTLS, or implicit TLS on the port).
    WITH_TLS,
    /// A sender address in the server's own domain instead of the entered one.
    OWN_DOMAIN_SENDER,
    /// The address the login owns as sender (after logging on).
    LOGIN_SENDER,
    /// A recipient in the account's own domain instead of the external test recipient.
    LOCAL_RECIPIENT,
    /// The empty sender `<>`.
    NULL_SENDER,
    /// A foreign sender to a foreign recipient without any login: the open-relay test.
    FOREIGN_SENDER,
    /// The attempt on another submission port of the same server.
    OTHER_PORT,
    /// The same without any encryption, on a port the user set up for implicit TLS.
    WITHOUT_TLS,
    /// The same without logging on, when the settings ask for a login the server does not offer.
    WITHOUT_AUTH
}
