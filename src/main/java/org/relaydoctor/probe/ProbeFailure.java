package org.relaydoctor.probe;

/// A conversation with a server ended before it could answer the question; the kind says why.
/// Server refusals are not failures: they are replies. Messages never hold a secret.
public final class ProbeFailure extends Exception {
    /// Why a conversation ended early.
    public enum Kind {
        /// The host name does not resolve.
        HOST_NOT_FOUND,
        /// The port answered with a TCP reset: nothing listens there.
        CONNECTION_REFUSED,
        /// The TCP connection was not established within the connect time-out (filtered port, dead host).
        CONNECT_TIMEOUT,
        /// Some other network error before the connection was up (no route, network unreachable).
        UNREACHABLE,
        /// Connected, but no SMTP greeting (or POP3/IMAP greeting) arrived in time, or it was not one.
        NO_GREETING,
        /// The TLS handshake failed (not a TLS port, protocol mismatch, handshake error).
        TLS_FAILED,
        /// The server stopped answering in the middle of the conversation (read time-out or deadline).
        TIMEOUT,
        /// The server closed or reset the connection.
        DROPPED,
        /// The server sent something that is not a protocol reply, or a reply beyond the size limits.
        GARBLED,
        /// The check was cancelled.
        CANCELLED
    }

    private final Kind kind;

    public ProbeFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProbeFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
