package org.relaydoctor.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.relaydoctor.demo.DemoSmtpServer;
import org.relaydoctor.demo.DemoTls;
import org.relaydoctor.demo.SmtpHandler;

/// A scripted SMTP server for the engine's tests: the demo server machinery (framing, SASL, STARTTLS) on
/// 127.0.0.1, with a handler each test writes to behave like one server family's restriction. It counts the
/// SMTP sessions it served, so a test can tell how many connections the check spent.
final class ScriptedSmtp implements AutoCloseable {
    /// The demo TLS identity (self-signed, for localhost and 127.0.0.1); trusted by {@link CheckFixture} options.
    static final DemoTls TLS = DemoTls.load();

    private final DemoSmtpServer server;
    private final AtomicInteger sessions;

    private ScriptedSmtp(DemoSmtpServer server, AtomicInteger sessions) {
        this.server = server;
        this.sessions = sessions;
    }

    /// Plain SMTP with STARTTLS offered.
    static ScriptedSmtp start(Supplier<? extends SmtpHandler> handler) {
        return start(handler, true, false);
    }

    /// Plain SMTP without STARTTLS.
    static ScriptedSmtp withoutTls(Supplier<? extends SmtpHandler> handler) {
        return start(handler, false, false);
    }

    /// SMTP inside TLS from the first byte (port 465 style).
    static ScriptedSmtp implicitTls(Supplier<? extends SmtpHandler> handler) {
        return start(handler, true, true);
    }

    private static ScriptedSmtp start(Supplier<? extends SmtpHandler> handler, boolean tls, boolean implicit) {
        AtomicInteger count = new AtomicInteger();
        Supplier<SmtpHandler> counting = () -> {
            count.incrementAndGet();
            return handler.get();
        };
        try {
            DemoSmtpServer s = implicit ? DemoSmtpServer.startImplicitTls(counting, TLS)
                    : DemoSmtpServer.start(counting, tls ? TLS : null);
            return new ScriptedSmtp(s, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.port();
    }

    /// SMTP sessions that got as far as the greeting.
    int sessions() {
        return sessions.get();
    }

    @Override
    public void close() {
        server.close();
    }

    /// The base of every scripted server: knows the test account's password; relays only after login unless
    /// a test says otherwise.
    static class Server extends SmtpHandler {
        @Override
        protected boolean checkPassword(String user, String password) {
            return CheckFixture.LOGIN.equals(user) && CheckFixture.PASSWORD.equals(password);
        }

        boolean loggedIn() {
            return authenticatedUser != null;
        }

        String client() {
            return clientAddress;
        }
    }
}
