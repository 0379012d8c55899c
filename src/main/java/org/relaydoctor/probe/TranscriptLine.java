package org.relaydoctor.probe;

import java.time.Instant;
import java.util.Objects;

/// One line of a conversation with a server, already redacted.
///
/// @param at          when it was sent or received
/// @param connection  the number of the connection it belongs to, from 1
/// @param direction   who spoke
/// @param text        the line without its CRLF
public record TranscriptLine(Instant at, int connection, Direction direction, String text) {
    public TranscriptLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
    }

    /// Who spoke a line.
    public enum Direction {
        /// Sent by Relay Doctor.
        CLIENT,
        /// Received from the server.
        SERVER,
        /// A note of the checker's own (connected, TLS started, closed).
        NOTE
    }
}
