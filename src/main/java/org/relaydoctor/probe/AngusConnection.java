package org.relaydoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.relaydoctor.profile.Security;

/// What an Angus Mail connection of a check shares with the probes: sockets that go to the address the check
/// resolved (so `--dns-server` holds), registered with the {@link ProbeSession} so that cancel closes them,
/// closed at the session's deadline (Angus has none of its own), certificates judged by the check's
/// {@link TlsTrust}, the profile's time-outs, and, for SMTP, its protocol trace copied into the transcript.
final class AngusConnection implements AutoCloseable {
    private final ProbeSession session;
    private final int id;
    private final InetAddress address;
    private final String host;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Thread watchdog;

    AngusConnection(ProbeSession session, InetAddress address, String host) {
        this.session = session;
        this.id = session.nextConnection();
        this.address = address;
        this.host = host;
        Instant deadline = session.limits().deadline();
        this.watchdog = Thread.ofVirtual().name("angus-deadline").start(() -> {
            while (Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            session.transcript().note(id, "the check's deadline passed: connection closed");
            sockets.forEach(ProbeSession::closeQuietly);
        });
    }

    int id() {
        return id;
    }

    /// Session properties for `protocol` ("smtp", "pop3", "imap") with the profile's encryption and time-outs.
    Properties properties(String protocol, Security security) {
        String p = "mail." + protocol;
        Properties props = new Properties();
        String connect = String.valueOf(session.limits().connectTimeout().toMillis());
        String read = String.valueOf(session.limits().readTimeout().toMillis());
        props.put(p + ".connectiontimeout", connect);
        props.put(p + ".timeout", read);
        props.put(p + ".writetimeout", read);
        props.put(p + ".socketFactory", new PlainSockets());
        props.put(p + ".ssl.socketFactory", new TlsSockets());
        // the trust manager checks the name (or the pin) itself, as the probes do
        props.put(p + ".ssl.checkserveridentity", "false");
        props.put(p + ".ssl.enable", String.valueOf(security == Security.SSL_TLS));
        props.put(p + ".starttls.enable", String.valueOf(security == Security.STARTTLS || security == Security.AUTO));
        props.put(p + ".starttls.required", String.valueOf(security == Security.STARTTLS));
        return props;
    }

    /// The host Angus is told to connect to: the resolved address; the socket factories put the name back for TLS.
    String connectHost() {
        return address.getHostAddress();
    }

    /// A stream for `Session.setDebugOut` that copies an SMTP trace into the transcript, line by line, through
    /// the redactor (AUTH arguments and the answers to 334 challenges are masked whole). Lines are capped in
    /// length and number, so a hostile server cannot grow it without end.
    PrintStream smtpTrace() {
        return new PrintStream(new TraceLines(), true, StandardCharsets.UTF_8);
    }

    void note(String text) {
        session.transcript().note(id, text);
    }

    @Override
    public void close() {
        watchdog.interrupt();
        for (Socket s : sockets) {
            ProbeSession.closeQuietly(s);
            session.unregister(s);
        }
    }

    private Socket register(Socket s) throws IOException {
        sockets.add(s);
        try {
            session.register(s);
        } catch (ProbeFailure f) {
            throw new IOException("cancelled", f);
        }
        return s;
    }

    /// Unconnected sockets: Angus connects them to the host it was given, which is the resolved address.
    private final class PlainSockets extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            note("connecting to " + address.getHostAddress());
            return register(new Socket());
        }

        @Override
        public Socket createSocket(String h, int port) throws IOException {
            return connected(port);
        }

        @Override
        public Socket createSocket(String h, int port, InetAddress localHost, int localPort) throws IOException {
            return connected(port);
        }

        @Override
        public Socket createSocket(InetAddress a, int port) throws IOException {
            return connected(port);
        }

        @Override
        public Socket createSocket(InetAddress a, int port, InetAddress localAddress, int localPort) throws IOException {
            return connected(port);
        }

        private Socket connected(int port) throws IOException {
            Socket s = createSocket();
            s.connect(new java.net.InetSocketAddress(address, port), (int) session.limits().connectTimeout().toMillis());
            return s;
        }
    }

    /// TLS over a connected socket (implicit TLS and STARTTLS), with the server's name for SNI and the check's trust.
    private final class TlsSockets extends SSLSocketFactory {
        private final SSLSocketFactory delegate = session.trust().verifyingContext(host).getSocketFactory();

        @Override
        public Socket createSocket() throws IOException {
            return new PlainSockets().createSocket();
        }

        @Override
        public Socket createSocket(Socket s, String h, int port, boolean autoClose) throws IOException {
            SSLSocket ssl = (SSLSocket) delegate.createSocket(s, host, port, autoClose);
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(host)));
                ssl.setSSLParameters(params);
            }
            register(ssl);
            note("TLS started with " + host);
            return ssl;
        }

        @Override
        public Socket createSocket(String h, int port) throws IOException {
            return createSocket(new PlainSockets().createSocket(h, port), h, port, true);
        }

        @Override
        public Socket createSocket(String h, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(h, port);
        }

        @Override
        public Socket createSocket(InetAddress a, int port) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress a, int port, InetAddress localAddress, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }

    /// Splits Angus's debug output into lines: its own remarks ("DEBUG ...") are left out; three digits start a
    /// server reply; anything else is what the client sent.
    private final class TraceLines extends OutputStream {
        private static final int MAX_LINES = 2000;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private int lines;
        private boolean inSasl;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (line.size() < ProbeLimits.MAX_LINE) {
                line.write(b);
            }
        }

        private void flushLine() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.startsWith("DEBUG") || ++lines > MAX_LINES) {
                return;
            }
            if (text.matches("\\d{3}([ -].*)?")) {
                session.transcript().server(id, text);
                inSasl = text.startsWith("334");
            } else {
                session.transcript().client(id, text, inSasl);
                inSasl = false;
            }
        }
    }
}
