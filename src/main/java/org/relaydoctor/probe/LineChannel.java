package org.relaydoctor.probe;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/// One text-protocol connection (SMTP, POP3, IMAP) whose every line goes through the transcript.
///
/// Why not Angus Mail's transports here: `SMTPTransport.connect` reads the greeting, sends EHLO and logs on in
/// one call with no total deadline, its line reader has no length cap (an endless line without CRLF grows
/// until memory runs out), slow bytes reset its read time-out byte by byte, and the raw lines reach us only
/// through a debug stream. A probe must stop after RCPT, bound every reply in time and size, and quote the
/// exact lines as evidence, so the few commands a probe needs are spoken here on the socket directly.
final class LineChannel implements Closeable {
    private final ProbeSession session;
    private final int id;
    private final String host;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private TlsHandshake tls;

    private LineChannel(ProbeSession session, String host) {
        this.session = session;
        this.id = session.nextConnection();
        this.host = host;
    }

    /// Connects to `address:port`; with `implicitTls` the TLS handshake happens before the first byte.
    static LineChannel open(ProbeSession session, InetAddress address, String host, int port, boolean implicitTls)
            throws ProbeFailure {
        LineChannel c = new LineChannel(session, host);
        c.connect(address, port);
        if (implicitTls) {
            c.startTls();
        }
        return c;
    }

    private void connect(InetAddress address, int port) throws ProbeFailure {
        Socket s = new Socket();
        session.register(s);
        socket = s;
        session.transcript().note(id, "connecting to " + address.getHostAddress() + ":" + port);
        ProbeLimits limits = session.limits();
        int timeout = (int) Math.min(limits.connectTimeout().toMillis(),
                limits.millisUntil(Instant.now().plus(limits.connectTimeout())));
        try {
            s.connect(new InetSocketAddress(address, port), timeout);
            s.setTcpNoDelay(true);
            in = new java.io.BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
        } catch (SocketTimeoutException e) {
            close();
            throw failure(ProbeFailure.Kind.CONNECT_TIMEOUT, "no answer to connect within " + timeout + " ms", e);
        } catch (ConnectException e) {
            close();
            String m = String.valueOf(e.getMessage());
            throw failure(m.contains("refused") ? ProbeFailure.Kind.CONNECTION_REFUSED
                    : m.contains("timed out") ? ProbeFailure.Kind.CONNECT_TIMEOUT : ProbeFailure.Kind.UNREACHABLE,
                    "connect: " + m, e);
        } catch (IOException e) {
            close();
            throw failure(ProbeFailure.Kind.UNREACHABLE, "connect: " + e.getMessage(), e);
        }
        session.transcript().note(id, "connected from " + s.getLocalAddress().getHostAddress());
    }

    /// Upgrades the connection to TLS (after STARTTLS / STLS, or at once for implicit TLS).
    TlsHandshake startTls() throws ProbeFailure {
        try {
            SSLSocket ssl = (SSLSocket) session.trust().recordingContext().getSocketFactory()
                    .createSocket(socket, host, socket.getPort(), true);
            session.register(ssl);
            ssl.setUseClientMode(true);
            javax.net.ssl.SSLParameters params = ssl.getSSLParameters();
            if (!host.matches("[0-9.]+") && !host.contains(":")) {
                params.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(host)));
            }
            ssl.setSSLParameters(params);
            Instant until = Instant.now().plus(session.limits().readTimeout());
            ssl.setSoTimeout((int) session.limits().millisUntil(until));
            // the time-out above starts again with every byte; the whole handshake gets the reply's time
            var guard = session.closeAt(ssl, until.isBefore(session.limits().deadline()) ? until : session.limits().deadline());
            try {
                ssl.startHandshake();
            } catch (IOException e) {
                // the watchdog's close, or a read time-out the handshake reported as something else
                if (!session.cancelled() && !Instant.now().isBefore(until.minusMillis(100))) {
                    throw new SocketTimeoutException("TLS handshake not finished in time");
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
            socket = ssl;
            in = new java.io.BufferedInputStream(ssl.getInputStream());
            out = ssl.getOutputStream();
            tls = session.trust().describe(ssl, host);
            session.transcript().note(id, "TLS started: " + tls.protocol() + " " + tls.cipherSuite()
                    + ", certificate " + tls.subject() + (tls.acceptable() ? "" : " (not accepted: "
                    + (tls.trusted() ? "" : "untrusted ") + (tls.matchesHost() ? "" : "name mismatch ")
                    + (tls.expired() ? "expired" : "") + ")"));
            return tls;
        } catch (SocketTimeoutException e) {
            close();
            throw failure(ProbeFailure.Kind.TLS_FAILED, "TLS handshake timed out", e);
        } catch (SSLException e) {
            close();
            throw failure(ProbeFailure.Kind.TLS_FAILED, "TLS handshake failed: " + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw failure(ProbeFailure.Kind.TLS_FAILED, "TLS handshake failed: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            close();
            throw failure(ProbeFailure.Kind.TLS_FAILED, "TLS handshake failed: " + e.getMessage(), e);
        }
    }

    /// Sends one line; `sasl` marks a SASL response so the transcript masks it whole.
    void send(String line, boolean sasl) throws ProbeFailure {
        session.transcript().client(id, line, sasl);
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            close();
            throw failure(ProbeFailure.Kind.DROPPED, "connection lost while sending", e);
        }
    }

    /// Reads one line within `until`: capped in length, slow bytes count against the same limit.
    String readLine(Instant until) throws ProbeFailure {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        try {
            while (true) {
                long left = session.limits().millisUntil(until);
                if (Instant.now().isAfter(until) || Instant.now().isAfter(session.limits().deadline())) {
                    throw new SocketTimeoutException("reply deadline passed");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                int b = in.read();
                if (b < 0) {
                    if (line.size() > 0) {
                        session.transcript().server(id, decode(line));
                    }
                    close();
                    throw failure(ProbeFailure.Kind.DROPPED, "the server closed the connection", null);
                }
                if (b == '\n') {
                    String text = decode(line);
                    if (text.endsWith("\r")) {
                        text = text.substring(0, text.length() - 1);
                    }
                    session.transcript().server(id, text);
                    return text;
                }
                line.write(b);
                if (line.size() > ProbeLimits.MAX_LINE) {
                    session.transcript().server(id, decode(line).substring(0, 200) + "...");
                    close();
                    throw failure(ProbeFailure.Kind.GARBLED, "reply line longer than " + ProbeLimits.MAX_LINE
                            + " bytes without an end", null);
                }
            }
        } catch (SocketTimeoutException e) {
            if (line.size() > 0) {
                session.transcript().server(id, decode(line));
            }
            close();
            throw failure(ProbeFailure.Kind.TIMEOUT, "no complete reply in time", e);
        } catch (IOException e) {
            close();
            throw failure(ProbeFailure.Kind.DROPPED, "connection lost: " + e.getMessage(), e);
        }
    }

    private static String decode(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private ProbeFailure failure(ProbeFailure.Kind kind, String message, Throwable cause) {
        ProbeFailure.Kind k = session.cancelled() ? ProbeFailure.Kind.CANCELLED : kind;
        session.transcript().note(id, k == ProbeFailure.Kind.CANCELLED ? "cancelled" : message);
        return new ProbeFailure(k, message, cause);
    }

    int id() {
        return id;
    }

    String host() {
        return host;
    }

    ProbeSession session() {
        return session;
    }

    java.util.Optional<TlsHandshake> tls() {
        return java.util.Optional.ofNullable(tls);
    }

    InetAddress localAddress() {
        return socket.getLocalAddress();
    }

    InetAddress remoteAddress() {
        return socket.getInetAddress();
    }

    boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public void close() {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            ProbeSession.closeQuietly(s);
            session.transcript().note(id, "closed");
        }
        if (s != null) {
            session.unregister(s);
        }
    }
}
