package org.relaydoctor.probe;

import java.time.Instant;
import java.util.List;

/// What a TLS handshake showed about the server and its certificate.
///
/// @param protocol         "TLSv1.3" and the like
/// @param cipherSuite      the negotiated suite
/// @param subject          the certificate subject DN
/// @param issuer           the certificate issuer DN
/// @param notAfter         when the certificate expires
/// @param subjectAltNames  the DNS names (and IP addresses) it covers
/// @param trusted          whether the chain is trusted by the system's store plus the extra certificates
/// @param matchesHost      whether it covers the server name the user typed
/// @param expired          whether it is outside its validity period now
/// @param trustProblem     why the chain is not trusted, when it is not
public record TlsHandshake(
        String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
        List<String> subjectAltNames, boolean trusted, boolean matchesHost, boolean expired, String trustProblem) {
    public TlsHandshake {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    /// Whether a mail program that checks certificates would go on with this connection.
    public boolean acceptable() {
        return trusted && matchesHost && !expired;
    }
}
