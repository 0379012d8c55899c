package org.relaydoctor.dns;

/// How a DNS question ended. Only {@link #FOUND}, {@link #NO_DATA} and {@link #NXDOMAIN} are answers; the
/// others mean the answer is unknown and must never be shown as "no records".
public enum DnsStatus {
    /// Records of the asked type came back.
    FOUND,
    /// The name exists but has no records of that type.
    NO_DATA,
    /// The name does not exist.
    NXDOMAIN,
    /// The resolver did not answer in time.
    TIMEOUT,
    /// The resolver answered SERVFAIL (a broken zone or DNSSEC failure upstream).
    SERVFAIL,
    /// The resolver refused the question.
    REFUSED,
    /// Any other failure (network error, malformed answer).
    ERROR,
    /// A reserved test name (RFC 2606/6761) or private address that is never sent to a public resolver.
    NOT_ASKED;

    /// Whether the resolver gave a real answer (records, or a definite "none").
    public boolean answered() {
        return this == FOUND || this == NO_DATA || this == NXDOMAIN;
    }

    /// Whether the question failed (time-out, SERVFAIL, refused, error).
    public boolean failed() {
        return this == TIMEOUT || this == SERVFAIL || this == REFUSED || this == ERROR;
    }
}
