package org.relaydoctor.it;

/// The listeners of the private Postfix (`src/test/mta/scenarios.tsv`), one relay restriction each.
public enum PostfixScenario {
    /// (a) relays only after SASL AUTH.
    AUTH_REQUIRED,
    /// (b) relays only for the listed networks; no SASL offered.
    NETWORK_RESTRICTED,
    /// (c) relays for an IP for a while after a POP3/IMAP login from it.
    POP_BEFORE_SMTP,
    /// (d) an authenticated user may only use the addresses it owns.
    SENDER_LOGIN_MISMATCH,
    /// (e) the domain's MX (127.0.0.2): mail for its own domain only.
    INBOUND_MX,
    /// (f) nothing before STARTTLS.
    STARTTLS_REQUIRED,
    /// (g) refuses foreign-domain senders ("not local sender").
    NOT_LOCAL_SENDER,
    /// (h) refuses the client IP as a Spamhaus zen (PBL) hit.
    PBL_BLOCKED,
    /// (i) refuses MAIL FROM:<>.
    NULL_SENDER_REFUSED,
    /// (j) refuses a sender that is not a mailbox of the hosted domain.
    UNKNOWN_SENDER,
    /// (k) submission; the scenario's account uses a wrong password.
    WRONG_PASSWORD,
    /// (l) submission: the good path.
    SUBMISSION,
    /// (m) accepts TCP and never greets.
    SILENT;

    /// The key in `ports.env` (`SMTP_<key>`).
    public String key() {
        return name();
    }
}
