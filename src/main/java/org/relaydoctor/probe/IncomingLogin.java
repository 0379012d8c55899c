package org.relaydoctor.probe;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;

/// Logs on to the incoming server (POP3 `USER`/`PASS` or IMAP `LOGIN`, both in UTF-8) and out again: what a
/// mail program does for "Log on to incoming mail server before sending mail". Spoken on the socket for the same
/// reasons as {@link SmtpProbe}: bounded replies and exact lines for the evidence.
public final class IncomingLogin {
    /// How a logon went.
    ///
    /// @param loggedIn  the server accepted the user name and password
    /// @param evidence  the server's answer to the password (or the greeting / failure that stopped it)
    public record Result(boolean loggedIn, List<String> evidence) {
        public Result {
            evidence = List.copyOf(evidence);
        }
    }

    private final ProbeSession session;

    public IncomingLogin(ProbeSession session) {
        this.session = session;
    }

    public Result logOn(MailProtocol protocol, InetAddress address, String host, int port, Security security,
            String user, Secret password) throws ProbeFailure {
        session.transcript().redactor().addSecret(password);
        try (LineChannel c = LineChannel.open(session, address, host, port, security == Security.SSL_TLS)) {
            return protocol == MailProtocol.POP3 ? pop3(c, security, user, password) : imap(c, security, user, password);
        }
    }

    private Result pop3(LineChannel c, Security security, String user, Secret password) throws ProbeFailure {
        String greeting = greeting(c);
        if (!greeting.startsWith("+OK")) {
            return new Result(false, List.of(greeting));
        }
        if (security == Security.STARTTLS) {
            String stls = pop3Command(c, "STLS");
            if (!stls.startsWith("+OK")) {
                return new Result(false, List.of(stls));
            }
            c.startTls();
        }
        String u = pop3Command(c, "USER " + user);
        if (!u.startsWith("+OK")) {
            return new Result(false, List.of(u));
        }
        String p = pop3Command(c, "PASS " + password.reveal());
        boolean ok = p.startsWith("+OK");
        pop3Command(c, "QUIT");
        return new Result(ok, List.of(p));
    }

    private String pop3Command(LineChannel c, String line) throws ProbeFailure {
        c.send(line, false);
        return c.readLine(until());
    }

    private Result imap(LineChannel c, Security security, String user, Secret password) throws ProbeFailure {
        String greeting = greeting(c);
        if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
            return new Result(false, List.of(greeting));
        }
        if (security == Security.STARTTLS) {
            String r = imapCommand(c, "a0", "STARTTLS");
            if (!r.startsWith("a0 OK")) {
                return new Result(false, List.of(r));
            }
            c.startTls();
        }
        String r = imapLogin(c, "a1", user, password);
        boolean ok = r.startsWith("a1 OK");
        imapCommand(c, "a2", "LOGOUT");
        return new Result(ok, List.of(r));
    }

    /// `LOGIN`; the tagged answer. RFC 3501's quoted strings are 7-bit, so a user name or password beyond ASCII (a
    /// Cyrillic one, an address at a .рф domain) goes as a literal: its length in UTF-8 bytes ends the line, and after
    /// the server's `+` continuation its bytes begin the next, the command going on after them. A server that answers
    /// an announcement with its tagged answer instead gets nothing more.
    private String imapLogin(LineChannel c, String tag, String user, Secret password) throws ProbeFailure {
        String secret = password.reveal();
        if (ascii(user) && ascii(secret)) {
            return imapCommand(c, tag, "LOGIN " + quote(user) + " " + quote(secret));
        }
        String line = tag + " LOGIN";
        for (String argument : List.of(user, secret)) {
            if (ascii(argument)) {
                line += " " + quote(argument);
                continue;
            }
            c.send(line + " " + announce(argument), false);
            String answer = imapAnswer(c, tag, true);
            if (!answer.startsWith("+")) {
                return answer;
            }
            line = argument;
        }
        c.send(line, true); // it ends with the password, quoted or as the literal's bytes: masked whole
        return imapAnswer(c, tag, false);
    }

    private static boolean ascii(String s) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(s);
    }

    /// A literal's announcement: its length in UTF-8 bytes.
    private static String announce(String s) {
        return "{" + s.getBytes(StandardCharsets.UTF_8).length + "}";
    }

    /// Sends a tagged command and reads untagged lines until the tagged answer.
    private String imapCommand(LineChannel c, String tag, String command) throws ProbeFailure {
        c.send(tag + " " + command, false);
        return imapAnswer(c, tag, false);
    }

    /// Reads untagged lines until the tagged answer, or, with `continuation`, until a `+` continuation request.
    private String imapAnswer(LineChannel c, String tag, boolean continuation) throws ProbeFailure {
        Instant until = until();
        for (int i = 0; i < ProbeLimits.MAX_REPLY_LINES; i++) {
            String line = c.readLine(until);
            if (line.startsWith(tag + " ") || continuation && line.startsWith("+")) {
                return line;
            }
        }
        throw new ProbeFailure(ProbeFailure.Kind.GARBLED, "IMAP answer longer than " + ProbeLimits.MAX_REPLY_LINES + " lines");
    }

    private String greeting(LineChannel c) throws ProbeFailure {
        try {
            return c.readLine(until());
        } catch (ProbeFailure f) {
            if (f.kind() == ProbeFailure.Kind.TIMEOUT || f.kind() == ProbeFailure.Kind.DROPPED
                    || f.kind() == ProbeFailure.Kind.GARBLED) {
                throw new ProbeFailure(ProbeFailure.Kind.NO_GREETING, f.getMessage(), f);
            }
            throw f;
        }
    }

    private Instant until() {
        return Instant.now().plus(session.limits().readTimeout());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
