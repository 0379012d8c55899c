package org.relaydoctor.demo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/// The server side of one demo connection: CRLF lines in and out, and an upgrade to TLS.
final class TextConnection {
    private static final int MAX_LINE = 8192;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    TextConnection(Socket socket) throws IOException {
        use(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    /// The next line without CRLF, or null when the client has gone.
    String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void startTls(SSLContext context) throws IOException {
        SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        use(ssl);
    }

    boolean tls() {
        return socket instanceof SSLSocket;
    }

    Socket socket() {
        return socket;
    }

    String clientAddress() {
        return socket.getInetAddress().getHostAddress();
    }
}
