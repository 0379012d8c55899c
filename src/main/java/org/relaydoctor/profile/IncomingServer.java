package org.relaydoctor.profile;

import java.util.Objects;

/// The incoming (POP3 or IMAP) server of an account.
public record IncomingServer(MailProtocol protocol, String host, int port, Security security) {
    public IncomingServer {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
    }
}
