package org.relaydoctor.check;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// What the optional test send does (only when the user asks for it: it delivers a real message).
///
/// @param recipient    who gets it; empty for the account's own address
/// @param arrivalWait  how long to look into the inbox for it (POP3/IMAP); zero for no look
/// @param mailbox      the recipient's mailbox, when the user owns it and it is not the account's own; the
///                     account's own incoming server is used when the message goes to the account itself
public record TestMessage(Optional<String> recipient, Duration arrivalWait, Optional<Mailbox> mailbox) {
    /// To the account itself, looking for it for up to 30 seconds.
    public static final TestMessage DEFAULT = new TestMessage(Optional.empty(), Duration.ofSeconds(30));

    /// A mailbox of the user's own to look into for the test message.
    public record Mailbox(MailProtocol protocol, String host, int port, Security security, String user, Secret password) {
        public Mailbox {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(security, "security");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public TestMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(arrivalWait, "arrivalWait");
        Objects.requireNonNull(mailbox, "mailbox");
        recipient = recipient.map(String::strip).filter(r -> !r.isEmpty());
        if (arrivalWait.isNegative()) {
            arrivalWait = Duration.ZERO;
        }
    }

    public TestMessage(Optional<String> recipient, Duration arrivalWait) {
        this(recipient, arrivalWait, Optional.empty());
    }
}
