package org.relaydoctor.check;

import java.time.Instant;
import java.util.List;

/// What a TLS handshake showed about the server.
///
/// @param protocol         "TLSv1.3" and the like
/// @param cipherSuite      the negotiated suite
/// @param subject          the certificate subject DN
/// @param issuer           the certificate issuer DN
/// @param notAfter         when the certificate expires
/// @param subjectAltNames  the DNS names it covers
/// @param trusted          whether the chain is trusted by the system's trust store
/// @param matchesHost      whether it covers the server name the user typed
public record TlsFacts(
        String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
        List<String> subjectAltNames, boolean trusted, boolean matchesHost) {
    public TlsFacts {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
