package org.relaydoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.relaydoctor.demo.DemoIncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// POP3 and IMAP log-ons with passwords beyond ASCII, against the demo servers, which (like Dovecot) read them as
/// UTF-8: Angus Mail's stores (the test send) and the check's own probe (POP before SMTP) both get in.
class InboxLookTest {
    private static final String USER = "anna@demo.test";
    /// Cyrillic, with a letter outside ISO-8859-1's reach in any encoding but UTF-8.
    private static final String PASSWORD = "Пароль-Ёлка-2026";
    private static final String WRONG = "Пароль-Ёлка-2025";

    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final ProbeSession session = new ProbeSession(new Transcript(new Redactor()),
            ProbeLimits.of(Duration.ofSeconds(5)), new TlsTrust(List.of(), false));

    private DemoIncomingServer pop3() throws IOException {
        return new DemoIncomingServer(MailProtocol.POP3, Map.of(USER, PASSWORD), logins::add);
    }

    private DemoIncomingServer imap() throws IOException {
        return new DemoIncomingServer(MailProtocol.IMAP, Map.of(USER, PASSWORD), logins::add);
    }

    private static InboxLook.Mailbox mailbox(DemoIncomingServer server, String password) {
        return mailbox(MailProtocol.POP3, server.port(), password);
    }

    private static InboxLook.Mailbox mailbox(MailProtocol protocol, int port, String password) {
        return new InboxLook.Mailbox(protocol, InetAddress.getLoopbackAddress(), "localhost", port, Security.NONE, USER,
                Secret.of(password));
    }

    private void assertNoPasswordIn(String problem, String password) {
        String plain = Base64.getEncoder().encodeToString(("\0" + USER + "\0" + password).getBytes(StandardCharsets.UTF_8));
        String everything = problem + session.transcript().lines();
        for (String form : List.of(password, plain, password.substring(2, password.length() - 2))) {
            assertThat(everything).as("a form of the password leaked").doesNotContain(form);
        }
    }

    @Test
    void angusLogsOnWithACyrillicPassword() throws IOException {
        try (DemoIncomingServer server = pop3()) {
            String problem = new InboxLook(session).logOn(mailbox(server, PASSWORD));
            assertThat(problem).as(session.transcript().lines().toString()).isEmpty();
            assertThat(logins).containsExactly(InetAddress.getLoopbackAddress().getHostAddress());
            assertNoPasswordIn(problem, PASSWORD);
        }
    }

    @Test
    void angusIsRefusedAWrongCyrillicPassword() throws IOException {
        try (DemoIncomingServer server = pop3()) {
            String problem = new InboxLook(session).logOn(mailbox(server, WRONG));
            assertThat(problem).startsWith("login refused");
            assertThat(logins).isEmpty();
            assertNoPasswordIn(problem, WRONG);
        }
    }

    @Test
    void angusStillLogsOnWithAnAsciiPassword() throws IOException {
        try (DemoIncomingServer server = new DemoIncomingServer(MailProtocol.POP3, Map.of(USER, "plain-ascii-9"),
                logins::add)) {
            assertThat(new InboxLook(session).logOn(mailbox(server, "plain-ascii-9"))).isEmpty();
            assertThat(logins).hasSize(1);
        }
    }

    /// A server without SASL PLAIN gets no mangled PASS (Angus would send "?" for each Cyrillic letter): the
    /// log-on fails with a reason instead, and no password line is sent at all.
    @Test
    void aServerWithoutSaslPlainGetsNoMangledPassword() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(c -> {
            c.line("+OK POP3 ready");
            String l;
            while ((l = c.readLine()) != null) {
                received.add(l);
                String verb = l.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "CAPA" -> {
                        c.line("+OK");
                        c.line("USER");
                        c.line(".");
                    }
                    case "QUIT" -> {
                        c.line("+OK bye");
                        return;
                    }
                    default -> c.line("+OK");
                }
            }
        })) {
            InboxLook.Mailbox box = new InboxLook.Mailbox(MailProtocol.POP3, InetAddress.getLoopbackAddress(),
                    "localhost", server.port(), Security.NONE, USER, Secret.of(PASSWORD));
            String problem = new InboxLook(session).logOn(box);
            assertThat(problem).contains("No authentication mechanisms supported by both server and client");
            assertThat(received).noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith("PASS"));
            assertNoPasswordIn(problem, PASSWORD);
        }
    }

    @Test
    void theChecksOwnProbeLogsOnWithACyrillicPassword() throws IOException, ProbeFailure {
        try (DemoIncomingServer server = pop3()) {
            IncomingLogin.Result r = new IncomingLogin(session).logOn(MailProtocol.POP3, InetAddress.getLoopbackAddress(),
                    "localhost", server.port(), Security.NONE, USER, Secret.of(PASSWORD));
            assertThat(r.loggedIn()).as(r.evidence().toString()).isTrue();
            assertThat(logins).hasSize(1);
            assertNoPasswordIn(String.join("\n", r.evidence()), PASSWORD);
        }
    }

    // ---- IMAP ----------------------------------------------------------------------------------------------------

    @Test
    void angusLogsOnOverImapWithACyrillicPassword() throws IOException {
        try (DemoIncomingServer server = imap()) {
            String problem = new InboxLook(session).logOn(mailbox(MailProtocol.IMAP, server.port(), PASSWORD));
            assertThat(problem).as(session.transcript().lines().toString()).isEmpty();
            assertThat(logins).containsExactly(InetAddress.getLoopbackAddress().getHostAddress());
            assertNoPasswordIn(problem, PASSWORD);
        }
    }

    @Test
    void angusIsRefusedAWrongCyrillicPasswordOverImap() throws IOException {
        try (DemoIncomingServer server = imap()) {
            String problem = new InboxLook(session).logOn(mailbox(MailProtocol.IMAP, server.port(), WRONG));
            assertThat(problem).startsWith("login refused");
            assertThat(logins).isEmpty();
            assertNoPasswordIn(problem, WRONG);
        }
    }

    @Test
    void theChecksOwnProbeLogsOnOverImapWithACyrillicPassword() throws IOException, ProbeFailure {
        try (DemoIncomingServer server = imap()) {
            IncomingLogin.Result r = new IncomingLogin(session).logOn(MailProtocol.IMAP, InetAddress.getLoopbackAddress(),
                    "localhost", server.port(), Security.NONE, USER, Secret.of(PASSWORD));
            assertThat(r.loggedIn()).as(r.evidence().toString()).isTrue();
            assertThat(logins).hasSize(1);
            IncomingLogin.Result wrong = new IncomingLogin(session).logOn(MailProtocol.IMAP,
                    InetAddress.getLoopbackAddress(), "localhost", server.port(), Security.NONE, USER, Secret.of(WRONG));
            assertThat(wrong.loggedIn()).isFalse();
            assertThat(logins).hasSize(1);
            assertNoPasswordIn(String.join("\n", r.evidence()), PASSWORD);
            assertNoPasswordIn(String.join("\n", wrong.evidence()), WRONG);
        }
    }

    /// An IMAP server that offers no SASL mechanism (no `AUTH=PLAIN`, no `AUTH=LOGIN`) would get Angus's `LOGIN`
    /// command, which writes each character's low byte ("пароль" as "?0@>;L"): no such command is sent, the log-on
    /// fails with a reason instead.
    @Test
    void anImapServerWithoutSaslGetsNoMangledPassword() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(c -> {
            c.line("* OK [CAPABILITY IMAP4rev1] ready");
            String l;
            while ((l = c.readLine()) != null) {
                received.add(l);
                String[] p = l.split(" ", 3);
                String verb = p.length > 1 ? p[1].toUpperCase(java.util.Locale.ROOT) : "";
                switch (verb) {
                    case "CAPABILITY" -> {
                        c.line("* CAPABILITY IMAP4rev1");
                        c.line(p[0] + " OK done");
                    }
                    case "LOGOUT" -> {
                        c.line("* BYE");
                        c.line(p[0] + " OK bye");
                        return;
                    }
                    default -> c.line(p[0] + " NO [AUTHENTICATIONFAILED] Authentication failed.");
                }
            }
        })) {
            String problem = new InboxLook(session).logOn(mailbox(MailProtocol.IMAP, server.port(), PASSWORD));
            assertThat(problem).contains("SASL PLAIN");
            assertThat(received).noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).contains("LOGIN"));
            assertNoPasswordIn(problem, PASSWORD);
        }
    }

    /// With an ASCII password the `LOGIN` command is as good as SASL and stays the fallback.
    @Test
    void anImapServerWithoutSaslStillGetsAnAsciiLogin() throws IOException {
        List<String> received = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(c -> {
            c.line("* OK [CAPABILITY IMAP4rev1] ready");
            String l;
            while ((l = c.readLine()) != null) {
                received.add(l);
                String[] p = l.split(" ", 3);
                String verb = p.length > 1 ? p[1].toUpperCase(java.util.Locale.ROOT) : "";
                switch (verb) {
                    case "LOGIN" -> c.line(p[0] + " OK Logged in");
                    case "LOGOUT" -> {
                        c.line("* BYE");
                        c.line(p[0] + " OK bye");
                        return;
                    }
                    default -> c.line(p[0] + " OK done");
                }
            }
        })) {
            String problem = new InboxLook(session).logOn(mailbox(MailProtocol.IMAP, server.port(), "plain-ascii-9"));
            assertThat(problem).isEmpty();
            assertThat(received).anyMatch(l -> l.contains("LOGIN " + USER + " plain-ascii-9"));
        }
    }

    /// RFC 3501's quoted strings are 7-bit, and a strict server refuses one with a Cyrillic letter in it: the probe's
    /// `LOGIN` sends a password beyond ASCII as a literal (`{19}`, the server's `+`, then its UTF-8 bytes) instead.
    @Test
    void theProbeSendsAPasswordBeyondAsciiAsAnImapLiteral() throws IOException, ProbeFailure {
        List<String> received = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(c -> {
            c.line("* OK [CAPABILITY IMAP4rev1] strict");
            String l;
            while ((l = c.readLine()) != null) {
                received.add(l);
                String[] p = l.split(" ", 3);
                String verb = p.length > 1 ? p[1].toUpperCase(java.util.Locale.ROOT) : "";
                if (!StandardCharsets.US_ASCII.newEncoder().canEncode(l)) {
                    c.line(p[0] + " BAD Invalid characters in quoted string");
                } else if (verb.equals("LOGIN") && l.endsWith("{" + PASSWORD.getBytes(StandardCharsets.UTF_8).length + "}")) {
                    c.line("+ OK");
                    String literal = c.readLine();
                    received.add(literal);
                    c.line(p[0] + (literal.equals(PASSWORD) && p[2].startsWith("\"" + USER + "\" ")
                            ? " OK Logged in" : " NO [AUTHENTICATIONFAILED] Authentication failed."));
                } else if (verb.equals("LOGOUT")) {
                    c.line("* BYE");
                    c.line(p[0] + " OK bye");
                    return;
                } else {
                    c.line(p[0] + " NO [AUTHENTICATIONFAILED] Authentication failed.");
                }
            }
        })) {
            IncomingLogin.Result r = new IncomingLogin(session).logOn(MailProtocol.IMAP, InetAddress.getLoopbackAddress(),
                    "localhost", server.port(), Security.NONE, USER, Secret.of(PASSWORD));
            assertThat(r.loggedIn()).as(received.toString()).isTrue();
            assertThat(received).noneMatch(l -> l.contains("LOGIN") && l.contains(PASSWORD));
            assertNoPasswordIn(String.join("\n", r.evidence()), PASSWORD);
        }
    }
}
