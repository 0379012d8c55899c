package org.relaydoctor.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/// Decides whether a server certificate is trusted: the system's trust store plus extra certificates (the
/// demo servers' own, or a `--trust-cert` file), plus certificates pinned by their SHA-256 fingerprint for one
/// run. The probes' handshake accepts any chain so that the check can still describe a bad certificate; the
/// verdict then says TLS failed, just as a mail program would refuse to go on.
public final class TlsTrust {
    private static final AtomicBoolean WARMING = new AtomicBoolean();
    private static final Pattern FINGERPRINT = Pattern.compile("(?i)(?:sha-?256[:=]?)?([0-9a-f]{2}(?:[:\\s-]?[0-9a-f]{2}){31})");

    private final List<X509Certificate> extraCertificates;
    private final Set<String> pinned;
    private X509TrustManager extra;
    private final boolean trustAll;

    public TlsTrust(List<X509Certificate> extraCertificates, boolean trustAll) {
        this(extraCertificates, List.of(), trustAll);
    }

    /// @param pinnedSha256  fingerprints of certificates trusted exactly, whatever their issuer, names or dates
    public TlsTrust(List<X509Certificate> extraCertificates, List<String> pinnedSha256, boolean trustAll) {
        this.extraCertificates = List.copyOf(extraCertificates);
        this.pinned = pinnedSha256.stream().map(f -> fingerprint(f).orElseThrow(
                () -> new IllegalArgumentException("not a SHA-256 fingerprint: " + f))).collect(Collectors.toSet());
        this.trustAll = trustAll;
    }

    /// A SHA-256 fingerprint in its one written form ("AB:CD:..."), from hex with or without colons or spaces,
    /// optionally prefixed "SHA256:"; empty when `text` is not one.
    public static Optional<String> fingerprint(String text) {
        Matcher m = FINGERPRINT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String hex = m.group(1).replaceAll("[:\\s-]", "").toUpperCase(Locale.ROOT);
        return Optional.of(String.join(":", hex.split("(?<=\\G..)")));
    }

    /// The SHA-256 fingerprint of a certificate, as {@link #fingerprint(String)} writes it.
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return fingerprint(HexFormat.of().formatHex(digest)).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No SHA-256 in this Java runtime", e);
        }
    }

    /// The certificates of a PEM (or DER) file, for `--trust-cert FILE`.
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return out;
        } catch (CertificateException e) {
            throw new IOException("not a certificate file: " + e.getMessage(), e);
        }
    }

    /// Whether every certificate is accepted (`--insecure-tls`).
    public boolean trustsAll() {
        return trustAll;
    }

    /// A context that refuses what a careful mail program refuses: untrusted chains, certificates for another
    /// name (unless pinned) and, unless everything is trusted, anything else {@link #describe} would not accept.
    /// For Angus Mail's test send, which cannot describe a certificate after the fact.
    public SSLContext verifyingContext(String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new VerifyingTrustManager(host)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS support in this Java runtime", e);
        }
    }

    public static TlsTrust system() {
        return new TlsTrust(List.of(), false);
    }

    /// A context whose handshake accepts any chain; {@link #describe} judges it afterwards.
    SSLContext recordingContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingTrustManager()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No TLS support in this Java runtime", e);
        }
    }

    /// The facts of a finished handshake on `socket` for the server name `host`.
    TlsHandshake describe(SSLSocket socket, String host) throws ProbeFailure {
        SSLSession session = socket.getSession();
        X509Certificate[] chain;
        try {
            chain = (X509Certificate[]) session.getPeerCertificates();
        } catch (Exception e) {
            throw new ProbeFailure(ProbeFailure.Kind.TLS_FAILED, "no server certificate: " + e.getMessage(), e);
        }
        X509Certificate leaf = chain[0];
        String problem = "";
        boolean trusted = true;
        String sha256 = sha256(leaf);
        boolean pin = pinned.contains(sha256);
        try {
            check(chain);
        } catch (CertificateException e) {
            trusted = pin;
            problem = String.valueOf(e.getMessage());
        }
        Instant now = Instant.now();
        boolean expired = now.isAfter(leaf.getNotAfter().toInstant()) || now.isBefore(leaf.getNotBefore().toInstant());
        List<String> names = subjectAltNames(leaf);
        return new TlsHandshake(session.getProtocol(), session.getCipherSuite(),
                leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(), names, trusted || trustAll, matches(host, leaf, names), expired,
                trusted ? "" : problem, sha256, pin);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (!extraCertificates.isEmpty()) {
            try {
                extra().checkServerTrusted(chain, "UNKNOWN");
                return;
            } catch (CertificateException e) {
                // not one of ours: the system store decides
            }
        }
        systemManager().checkServerTrusted(chain, "UNKNOWN");
    }

    /// The system's trust store, read once (on first use or by the warm-up): loading it costs more than a handshake.
    private static final class SystemStore {
        static final X509TrustManager MANAGER = manager(null);
    }

    private static X509TrustManager systemManager() {
        return SystemStore.MANAGER;
    }

    /// Readies TLS on another thread while a check resolves and greets: in a fresh JVM the first handshake spends
    /// most of its time reading the trust store and building the key shares of the ClientHello (the first
    /// secp256r1 key builds the curve's tables). Once per JVM; the probe's handshake then finds them ready.
    public static void warmUpInBackground() {
        if (WARMING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("tls-warm-up").start(TlsTrust::warmUp);
        }
    }

    private static void warmUp() {
        try {
            SSLEngine engine = system().recordingContext().createSSLEngine("warm-up.invalid", 25);
            engine.setUseClientMode(true);
            // wrapping nothing in client mode produces the ClientHello: no network involved
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            systemManager();
        } catch (IOException | RuntimeException e) {
            // only a head start: the probe's own handshake reports any real problem
        }
    }

    private synchronized X509TrustManager extra() {
        if (extra == null) {
            extra = manager(extraCertificates);
        }
        return extra;
    }

    private static X509TrustManager manager(List<X509Certificate> certificates) {
        try {
            KeyStore store = null;
            if (certificates != null) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates) {
                    store.setCertificateEntry("extra-" + i++, c);
                }
            }
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(store);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("No X.509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build the certificate trust", e);
        }
    }

    static List<String> subjectAltNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    Integer type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        out.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // an unparsable extension counts as no names
        }
        return out;
    }

    static boolean matches(String host, X509Certificate cert, List<String> names) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        boolean literal = isAddressLiteral(h);
        List<String> candidates = names;
        if (candidates.isEmpty()) {
            candidates = commonNames(cert);
        }
        for (String n : candidates) {
            String name = n.toLowerCase(Locale.ROOT);
            if (literal) {
                if (sameAddress(h, name)) {
                    return true;
                }
            } else if (name.equals(h) || name.startsWith("*.") && h.indexOf('.') > 0
                    && h.substring(h.indexOf('.')).equals(name.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static boolean sameAddress(String a, String b) {
        if (!isAddressLiteral(b)) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static List<String> commonNames(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    out.add(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException ignored) {
            // no usable common name
        }
        return out;
    }

    /// Judges a chain during the handshake the way {@link #describe} judges it afterwards.
    private final class VerifyingTrustManager implements X509TrustManager {
        private final String host;

        VerifyingTrustManager(String host) {
            this.host = host;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (trustAll || chain.length > 0 && pinned.contains(sha256(chain[0]))) {
                return;
            }
            if (chain.length == 0) {
                throw new CertificateException("no server certificate");
            }
            check(chain);
            if (!matches(host, chain[0], subjectAltNames(chain[0]))) {
                throw new CertificateException("the certificate is not issued for " + host);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /// Lets every chain through the handshake; trust is judged afterwards by {@link TlsTrust#describe}.
    private static final class AcceptingTrustManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
