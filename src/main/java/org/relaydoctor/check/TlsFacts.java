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
/// @param sha256           the certificate's SHA-256 fingerprint (what `--trust-cert` takes), or ""
public record TlsFacts(
        String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
        List<String> subjectAltNames, boolean trusted, boolean matchesHost, String sha256) {
    public TlsFacts {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public TlsFacts(String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
            List<String> subjectAltNames, boolean trusted, boolean matchesHost) {
        this(protocol, cipherSuite, subject, issuer, notAfter, subjectAltNames, trusted, matchesHost, "");
    }
}
