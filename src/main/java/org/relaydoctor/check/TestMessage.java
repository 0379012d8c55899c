package org.relaydoctor.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/// What the optional test send does (only when the user asks for it: it delivers a real message).
///
/// @param recipient    who gets it; empty for the account's own address
/// @param arrivalWait  how long to look into the account's inbox for it (POP3/IMAP, when it is sent to the
///                     account's own address); zero for no look
public record TestMessage(Optional<String> recipient, Duration arrivalWait) {
    /// To the account itself, looking for it for up to 30 seconds.
    public static final TestMessage DEFAULT = new TestMessage(Optional.empty(), Duration.ofSeconds(30));

    public TestMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(arrivalWait, "arrivalWait");
        recipient = recipient.map(String::strip).filter(r -> !r.isEmpty());
        if (arrivalWait.isNegative()) {
            arrivalWait = Duration.ZERO;
        }
    }
}
