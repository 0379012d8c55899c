package org.relaydoctor.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/// A scripted SMTP server on 127.0.0.1 and an ephemeral port. Each connection gets a fresh
/// {@link SmtpHandler}; the server itself only frames lines, decodes SASL and starts TLS. It never stores
/// a message. Hostile {@link Route}s stand in for servers that misbehave.
public final class DemoSmtpServer implements Closeable {
    private final ServerSocket server;
    private final Supplier<? extends SmtpHandler> handlers;
    private final DemoTls tls;
    private final boolean implicitTls;
    private final Route route;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DemoSmtpServer(Supplier<? extends SmtpHandler> handlers, DemoTls tls, boolean implicitTls, Route route)
            throws IOException {
        this.handlers = handlers;
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.route = route;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("demo-smtp-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /// A server speaking plain SMTP (with STARTTLS offered when `tls` is given).
    public static DemoSmtpServer start(Supplier<? extends SmtpHandler> handlers, DemoTls tls) throws IOException {
        return new DemoSmtpServer(handlers, tls, false, Route.NORMAL);
    }

    /// A server speaking SMTP inside TLS from the first byte (port-465 style).
    public static DemoSmtpServer startImplicitTls(Supplier<? extends SmtpHandler> handlers, DemoTls tls)
            throws IOException {
        return new DemoSmtpServer(handlers, tls, true, Route.NORMAL);
    }

    /// A hostile server.
    public static DemoSmtpServer startHostile(Route route) throws IOException {
        return new DemoSmtpServer(SmtpHandler::new, null, false, route);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread.ofVirtual().name("demo-smtp-session").start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            switch (route) {
                case NO_GREETING -> waitForClose(socket);
                case DROP -> { }
                case ENDLESS_LINE -> {
                    byte[] chunk = "220 ".concat("x".repeat(1020)).getBytes(StandardCharsets.US_ASCII);
                    while (!closed && !socket.isClosed()) {
                        socket.getOutputStream().write(chunk);
                    }
                }
                case SLOW_BYTES -> {
                    for (byte b : "220 slow.demo.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII)) {
                        socket.getOutputStream().write(b);
                        socket.getOutputStream().flush();
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(400));
                    }
                    waitForClose(socket);
                }
                case NORMAL -> converse(socket);
            }
        } catch (IOException e) {
            // the client went away: normal for a probe
        } finally {
            clients.remove(socket);
        }
    }

    private static void waitForClose(Socket socket) throws IOException {
        while (socket.getInputStream().read() >= 0) {
            // swallow whatever the client says
        }
    }

    private void converse(Socket socket) throws IOException {
        TextConnection c = new TextConnection(socket);
        if (implicitTls) {
            c.startTls(tls.context());
        }
        SmtpHandler h = handlers.get();
        h.begin(c.clientAddress(), c.tls(), tls != null && !implicitTls);
        String greeting = h.greeting();
        if (greeting == null) {
            waitForClose(socket);
            return;
        }
        c.send(greeting);
        if (!greeting.startsWith("220")) {
            return;
        }
        String line;
        while ((line = c.readLine()) != null) {
            String upper = line.toUpperCase(Locale.ROOT);
            String verb = upper.split(" ", 2)[0];
            String arg = line.length() > verb.length() ? line.substring(verb.length()).strip() : "";
            List<String> reply = switch (verb) {
                case "EHLO" -> h.ehlo(arg);
                case "HELO" -> h.helo(arg);
                case "STARTTLS" -> tls == null || c.tls() ? h.unknown(line) : h.starttls();
                case "AUTH" -> auth(c, h, arg);
                case "MAIL" -> h.mail(address(arg));
                case "RCPT" -> h.rcpt(address(arg));
                case "RSET" -> h.rset();
                case "NOOP" -> h.noop();
                case "DATA" -> h.data();
                case "QUIT" -> h.quit();
                default -> h.unknown(line);
            };
            if (reply == null) {
                return; // the handler hangs up
            }
            for (String r : reply) {
                c.send(r);
            }
            if (verb.equals("QUIT") || !reply.isEmpty() && reply.getLast().startsWith("421")) {
                return;
            }
            if (verb.equals("STARTTLS") && !reply.isEmpty() && reply.getFirst().startsWith("220")) {
                c.startTls(tls.context());
                h.tlsStarted();
            }
        }
    }

    /// Runs the SASL exchange (PLAIN with or without initial response, LOGIN) and hands the result to the handler.
    private static List<String> auth(TextConnection c, SmtpHandler h, String arg) throws IOException {
        String[] parts = arg.split("\\s+", 2);
        String mech = parts[0].toUpperCase(Locale.ROOT);
        if (h.authMechanisms().isEmpty() || !(" " + h.authMechanisms() + " ").contains(" " + mech + " ")) {
            return List.of("504 5.5.4 Unrecognized authentication type");
        }
        try {
            if (mech.equals("PLAIN")) {
                String blob = parts.length > 1 ? parts[1] : challenge(c, "");
                String[] fields = decode(blob).split("\0", -1);
                if (fields.length != 3) {
                    return List.of("501 5.5.2 Invalid PLAIN response");
                }
                return h.auth(mech, fields[1], fields[2]);
            }
            if (mech.equals("LOGIN")) {
                String user = decode(parts.length > 1 ? parts[1] : challenge(c, "VXNlcm5hbWU6"));
                String password = decode(challenge(c, "UGFzc3dvcmQ6"));
                return h.auth(mech, user, password);
            }
        } catch (IllegalArgumentException e) {
            return List.of("501 5.5.2 Cannot decode response");
        }
        return List.of("504 5.5.4 Unrecognized authentication type");
    }

    private static String challenge(TextConnection c, String text) throws IOException {
        c.send("334 " + text);
        String answer = c.readLine();
        if (answer == null || answer.equals("*")) {
            throw new IllegalArgumentException("cancelled");
        }
        return answer;
    }

    private static String decode(String b64) {
        return new String(Base64.getDecoder().decode(b64.strip()), StandardCharsets.UTF_8);
    }

    /// The address inside `FROM:<a@b> SIZE=1` or `TO:<a@b>`.
    private static String address(String arg) {
        int open = arg.indexOf('<');
        int close = arg.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return arg.substring(open + 1, close);
        }
        int colon = arg.indexOf(':');
        return colon >= 0 ? arg.substring(colon + 1).strip() : arg;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // best effort
        }
        for (Socket s : clients) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
