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
/// @param sha256           the SHA-256 fingerprint of the server's certificate (hex pairs with colons), what
///                         `--trust-cert` takes
/// @param pinned           the user trusted exactly this certificate for this run (`--trust-cert`)
public record TlsHandshake(
        String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
        List<String> subjectAltNames, boolean trusted, boolean matchesHost, boolean expired, String trustProblem,
        String sha256, boolean pinned) {
    public TlsHandshake {
        subjectAltNames = List.copyOf(subjectAltNames);
    }

    public TlsHandshake(String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
            List<String> subjectAltNames, boolean trusted, boolean matchesHost, boolean expired, String trustProblem) {
        this(protocol, cipherSuite, subject, issuer, notAfter, subjectAltNames, trusted, matchesHost, expired,
                trustProblem, "", false);
    }

    /// Whether a mail program that checks certificates would go on with this connection (a certificate the
    /// user pinned counts, whatever name and dates it carries: that is what pinning it means).
    public boolean acceptable() {
        return pinned || trusted && matchesHost && !expired;
    }
}
