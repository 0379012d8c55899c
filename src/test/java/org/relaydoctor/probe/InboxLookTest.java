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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaydoctor.demo.DemoIncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// POP3 and IMAP log-ons with passwords and user names beyond ASCII, against the demo servers, which (like Dovecot)
/// read them as UTF-8: Angus Mail's stores (the test send) and the check's own probe (POP before SMTP) both get in.
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

    /// A user name beyond ASCII (an address at a .рф domain) takes the same UTF-8 road as such a password.
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(MailProtocol.class)
    void angusLogsOnWithACyrillicUserName(MailProtocol protocol) throws IOException {
        String user = "ёжик@почта.рф";
        try (DemoIncomingServer server = new DemoIncomingServer(protocol, Map.of(user, "plain-ascii-9"), logins::add)) {
            InboxLook.Mailbox box = new InboxLook.Mailbox(protocol, InetAddress.getLoopbackAddress(), "localhost",
                    server.port(), Security.NONE, user, Secret.of("plain-ascii-9"));
            assertThat(new InboxLook(session).logOn(box)).as(session.transcript().lines().toString()).isEmpty();
            assertThat(logins).hasSize(1);
        }
    }

    /// A server without SASL PLAIN gets no mangled USER or PASS (Angus would send "?" for each Cyrillic letter): the
    /// log-on fails with a reason instead, and neither line is sent at all.
    @ParameterizedTest
    @CsvSource({"anna@demo.test, Пароль-Ёлка-2026", "ёжик@почта.рф, plain-ascii-9"})
    void aServerWithoutSaslPlainGetsNoMangledLogin(String user, String password) throws IOException {
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
                    "localhost", server.port(), Security.NONE, user, Secret.of(password));
            String problem = new InboxLook(session).logOn(box);
            assertThat(problem).contains("No authentication mechanisms supported by both server and client");
            assertThat(received).noneMatch(l -> l.toUpperCase(java.util.Locale.ROOT).startsWith("PASS")
                    || l.toUpperCase(java.util.Locale.ROOT).startsWith("USER"));
            assertThat(problem + session.transcript().lines()).doesNotContain(password);
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
    /// `LOGIN` sends a user name or password beyond ASCII as a literal (`{19}`, the server's `+`, then its UTF-8
    /// bytes, the command going on after them) instead; an all-ASCII one stays two quoted strings.
    @ParameterizedTest
    @CsvSource({
        "anna@demo.test, Пароль-Ёлка-2026",
        "ёжик@почта.рф, plain-ascii-9",
        "ёжик@почта.рф, Пароль-Ёлка-2026",
        "anna@demo.test, plain-ascii-9"})
    void theProbeSendsWhatIsBeyondAsciiAsImapLiterals(String user, String password) throws IOException, ProbeFailure {
        List<String> received = new CopyOnWriteArrayList<>();
        List<List<String>> logins = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.start(c -> {
            c.line("* OK [CAPABILITY IMAP4rev1] strict");
            String l;
            while ((l = c.readLine()) != null) {
                received.add(l);
                String[] p = l.split(" ", 3);
                String verb = p.length > 1 ? p[1].toUpperCase(java.util.Locale.ROOT) : "";
                if (verb.equals("LOGIN")) {
                    List<String> args = strictArguments(c, p[2], received);
                    if (args == null) {
                        c.line(p[0] + " BAD Invalid characters in quoted string");
                        continue;
                    }
                    logins.add(args);
                    c.line(p[0] + (args.equals(List.of(user, password))
                            ? " OK Logged in" : " NO [AUTHENTICATIONFAILED] Authentication failed."));
                } else if (verb.equals("LOGOUT")) {
                    c.line("* BYE");
                    c.line(p[0] + " OK bye");
                    return;
                } else {
                    c.line(p[0] + " BAD unexpected");
                }
            }
        })) {
            IncomingLogin.Result r = new IncomingLogin(session).logOn(MailProtocol.IMAP, InetAddress.getLoopbackAddress(),
                    "localhost", server.port(), Security.NONE, user, Secret.of(password));
            assertThat(r.loggedIn()).as(received.toString()).isTrue();
            assertThat(logins).containsExactly(List.of(user, password));
            if (isAscii(user + password)) {
                assertThat(received.getFirst()).isEqualTo("a1 LOGIN \"" + user + "\" \"" + password + "\"");
            }
            assertNoPasswordIn(String.join("\n", r.evidence()), password);
            assertThat(session.transcript().lines().toString()).doesNotContain(password);
        }
    }

    /// A strict server's reading of `LOGIN`'s arguments (RFC 3501 astrings): quoted strings in 7-bit only, a literal
    /// `{n}` at a line's end answered with `+` and taken as the next n UTF-8 bytes. Null for a quoted string beyond
    /// ASCII.
    private static List<String> strictArguments(RawServer.Conversation c, String rest, List<String> received)
            throws IOException {
        List<String> args = new java.util.ArrayList<>();
        String line = rest;
        while (!line.isEmpty()) {
            java.util.regex.Matcher literal = java.util.regex.Pattern.compile("^\\{(\\d+)\\}$").matcher(line);
            if (literal.matches()) {
                c.line("+ go ahead");
                String next = c.readLine();
                received.add(next);
                int bytes = Integer.parseInt(literal.group(1));
                int end = 0;
                while (end < next.length()
                        && next.substring(0, end).getBytes(StandardCharsets.UTF_8).length < bytes) {
                    end = next.offsetByCodePoints(end, 1);
                }
                args.add(next.substring(0, end));
                line = next.substring(end).stripLeading();
            } else if (line.startsWith("\"")) {
                int close = line.indexOf('"', 1);
                String quoted = line.substring(1, close);
                if (!isAscii(quoted)) {
                    return null;
                }
                args.add(quoted);
                line = line.substring(close + 1).stripLeading();
            } else {
                int space = line.indexOf(' ');
                args.add(space < 0 ? line : line.substring(0, space));
                line = space < 0 ? "" : line.substring(space + 1);
            }
        }
        return args;
    }

    private static boolean isAscii(String s) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(s);
    }
}
