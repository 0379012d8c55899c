package org.relaydoctor.probe;

import java.time.Duration;
import java.time.Instant;

/// The time-outs of one conversation.
///
/// @param connectTimeout  how long a TCP connect may take
/// @param readTimeout     how long one whole reply may take (slow bytes count against it)
/// @param deadline        the instant the whole check must be done by; nothing waits past it
public record ProbeLimits(Duration connectTimeout, Duration readTimeout, Instant deadline) {
    /// Longest reply line accepted; RFC 5321 allows 512 octets, real servers send more.
    public static final int MAX_LINE = 4096;
    /// Most lines of one multi-line reply (EHLO lists are the longest, about 20).
    public static final int MAX_REPLY_LINES = 64;

    public static ProbeLimits of(Duration timeout) {
        return new ProbeLimits(timeout, timeout, Instant.now().plus(timeout.multipliedBy(6)));
    }

    /// Milliseconds until `limit` or the deadline, whichever comes first; at least 1.
    long millisUntil(Instant limit) {
        Instant end = limit.isBefore(deadline) ? limit : deadline;
        return Math.max(1, Duration.between(Instant.now(), end).toMillis());
    }
}
