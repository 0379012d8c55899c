package org.relaydoctor.check;

/// The kinds of step a check runs, in the order of `diagnosis.md`'s "What the checker tries".
public enum StepKind {
    /// Resolve server names, look up MX, SPF, reverse DNS, blocklists.
    DNS,
    /// Open a TCP connection to a port.
    CONNECT,
    /// Read the banner and the EHLO capabilities.
    GREETING,
    /// STARTTLS or implicit TLS handshake and certificate checks.
    TLS,
    /// Log on to the incoming server (POP3/IMAP).
    INCOMING_LOGIN,
    /// The configured attempt: exactly the user's settings.
    CONFIGURED_ATTEMPT,
    /// A differential probe that tells causes apart.
    PROBE,
    /// A real test message, only on request.
    TEST_SEND
}
