package org.relaydoctor.profile;

import java.util.Objects;

/// The outgoing (SMTP) server of an account.
public record OutgoingServer(String host, int port, Security security) {
    public OutgoingServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
    }
}
