package org.relaydoctor.diagnosis;

/// Secondary findings shown beside a verdict. Like {@link VerdictCode}, a code is never renamed.
public enum FindingCode {
    /// The domain's MX records point at several providers at once.
    MX_MIXED,
    /// The domain has no MX records.
    MX_MISSING,
    /// An MX record points at a CNAME, an IP literal or a name that does not resolve.
    MX_INVALID,
    /// The server relays for anyone: a warning for its admin.
    OPEN_RELAY,
    /// The server's certificate is not trusted.
    TLS_CERT_UNTRUSTED,
    /// The server's certificate is not issued for the server name.
    TLS_CERT_NAME_MISMATCH,
    /// The server's certificate has expired or is not yet valid.
    TLS_CERT_EXPIRED,
    /// The server offers only an outdated TLS protocol version.
    TLS_OLD_PROTOCOL,
    /// The sender domain publishes no SPF record.
    SPF_MISSING,
    /// The sender domain's SPF record does not cover the outgoing server.
    SPF_NOT_COVERING,
    /// The sender domain's SPF record is broken (several records, too many look-ups, a bad term).
    SPF_INVALID,
    /// A server name of the account does not resolve (with the provider's own name, when it is known).
    SERVER_NAME_NOT_FOUND,
    /// The outgoing server's or the client's address has no reverse DNS.
    REVERSE_DNS_MISSING,
    /// The client address is listed in a DNS blocklist.
    CLIENT_LISTED,
    /// Another submission port of the same server works.
    OTHER_PORT_WORKS,
    /// The server offers plain-text login over an unencrypted connection.
    AUTH_WITHOUT_TLS,
    /// A DNS look-up failed (time-out, SERVFAIL): the answer is unknown, not empty.
    DNS_LOOKUP_FAILED,
    /// The test message (sent only on request) was taken by the outgoing server.
    TEST_MESSAGE_SENT,
    /// The outgoing server refused the test message.
    TEST_MESSAGE_REFUSED,
    /// The test message arrived in the account's inbox.
    TEST_MESSAGE_ARRIVED,
    /// The test message was taken but had not arrived in the inbox by the end of the wait.
    TEST_MESSAGE_NOT_ARRIVED
}
