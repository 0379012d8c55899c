package org.relaydoctor.demo;

/// How a demo server treats a new connection: normally, or like one of the hostile servers a check must survive.
public enum Route {
    /// Speaks the protocol through the session's handler.
    NORMAL,
    /// Accepts the connection and never says a word (a tarpit, or the wrong port for implicit TLS).
    NO_GREETING,
    /// Sends one line that never ends: bytes without CRLF, as fast as the client reads them.
    ENDLESS_LINE,
    /// Sends the greeting one byte at a time, slower than any reasonable time-out.
    SLOW_BYTES,
    /// Accepts the connection and drops it at once.
    DROP
}
