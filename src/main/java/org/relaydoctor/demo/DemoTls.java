package org.relaydoctor.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/// The demo servers' TLS identity: a self-signed certificate for localhost / 127.0.0.1 whose key is
/// committed on purpose (see `demo/README.md`). A check of the demo trusts exactly this certificate.
public final class DemoTls {
    private static final char[] PASSWORD = "relaydoctor-demo".toCharArray();

    private final SSLContext context;
    private final X509Certificate certificate;

    private DemoTls(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    public static DemoTls load() {
        try (InputStream in = DemoTls.class.getResourceAsStream("demo-server.p12")) {
            if (in == null) {
                throw new IllegalStateException("demo-server.p12 is missing from the build");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            // no client certificates are asked for: skip loading the system trust store
            context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {new NoClientCertificates()}, null);
            return new DemoTls(context, (X509Certificate) store.getCertificate("demo"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the demo key", e);
        }
    }

    /// The demo servers never ask for client certificates, so none is ever trusted.
    private static final class NoClientCertificates implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("client certificates are not used");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("not a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    public SSLContext context() {
        return context;
    }

    /// The certificate a demo check adds to its trust.
    public X509Certificate certificate() {
        return certificate;
    }
}
