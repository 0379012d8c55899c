package org.relaydoctor.diagnosis;

/// The verdict codes of `shared/docs/diagnosis.md`: the contract between the engine, the GUI, the reports
/// and the CLI's JSON (`verdict.code`). Add codes when the world needs them; never rename one.
public enum VerdictCode {
    /// Relays with the settings as entered.
    OK,
    /// Relays only for authenticated clients.
    AUTH_REQUIRED,
    /// Relays for an address for some minutes after it logged in to POP3 or IMAP.
    POP_BEFORE_SMTP,
    /// Relays only for clients inside the provider's network.
    NETWORK_RESTRICTED,
    /// Relays only when the envelope sender is in its own domain.
    SENDER_NOT_LOCAL,
    /// After login, refuses a sender address the login does not own.
    SENDER_NOT_OWNED,
    /// Refuses a sender address that does not exist or is banned.
    SENDER_UNKNOWN,
    /// Refuses the empty sender `<>`.
    NULL_SENDER_REJECTED,
    /// An incoming-only server (an MX) that accepts mail only for its own domains.
    RECIPIENT_NOT_LOCAL,
    /// Refuses dial-up, dynamic or residential client addresses.
    CLIENT_BLOCKED_DYNAMIC,
    /// Refuses the client address for another reason (blocklist, no reverse DNS).
    CLIENT_BLOCKED,
    /// Refuses AUTH or MAIL before STARTTLS / TLS.
    TLS_REQUIRED,
    /// The TLS handshake fails or the certificate is not trusted or not for this host.
    TLS_FAILED,
    /// Refuses the login or password.
    AUTH_FAILED,
    /// Offers no usable authentication mechanism, or has AUTH turned off for the account.
    AUTH_UNAVAILABLE,
    /// The port does not answer from here while other submission ports work.
    PORT_BLOCKED,
    /// Nothing listens on that port.
    CONNECTION_REFUSED,
    /// TCP connects, but no SMTP greeting arrives.
    NO_GREETING,
    /// The server name does not resolve.
    HOST_NOT_FOUND,
    /// The recipient mailbox does not exist: not a relay problem.
    RECIPIENT_UNKNOWN,
    /// Greylisting, too many connections or attempts.
    RATE_LIMITED,
    /// None of the above can be shown.
    UNKNOWN
}
