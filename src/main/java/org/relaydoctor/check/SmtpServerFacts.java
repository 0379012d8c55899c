package org.relaydoctor.check;

import java.util.List;
import java.util.Optional;

/// What the outgoing server said about itself on the configured port.
///
/// @param host                   the server name as typed
/// @param port                   the port
/// @param address                the IP address connected to
/// @param banner                 the 220 greeting lines
/// @param capabilities           the EHLO keywords (after TLS when TLS was used)
/// @param authMechanisms         the SASL mechanisms offered
/// @param reportedClientAddress  the client address as the server reports it in its EHLO reply, if it does
/// @param tls                    the TLS facts, when TLS was used
public record SmtpServerFacts(
        String host, int port, String address, List<String> banner, List<String> capabilities,
        List<String> authMechanisms, Optional<String> reportedClientAddress, Optional<TlsFacts> tls) {
    public SmtpServerFacts {
        banner = List.copyOf(banner);
        capabilities = List.copyOf(capabilities);
        authMechanisms = List.copyOf(authMechanisms);
    }
}
