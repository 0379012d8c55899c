package org.relaydoctor.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.relaydoctor.cli.ResultText;
import org.relaydoctor.demo.SmtpHandler;
import org.relaydoctor.profile.AccountProfile;
import org.relaydoctor.profile.IncomingServer;
import org.relaydoctor.profile.MailProtocol;
import org.relaydoctor.profile.OutgoingServer;
import org.relaydoctor.profile.Secret;
import org.relaydoctor.profile.Security;
import org.relaydoctor.profile.SmtpAuth;
import org.relaydoctor.report.JsonReport;

/// The account the scripted servers expect, a way to check it, and the password-safety assertion.
final class CheckFixture {
    static final String DOMAIN = SmtpHandler.DOMAIN;
    static final String LOGIN = "alice@" + DOMAIN;
    /// Distinctive, so that any leak of it (or of a part of it) is found by a plain search.
    static final String PASSWORD = "Qv8#relay-Hostile-Pw-5527";
    static final String WRONG_PASSWORD = "Wx3#not-the-Right-Pw-9904";
    /// What most users type: Cyrillic, which servers read as UTF-8.
    static final String CYRILLIC_PASSWORD = "Пароль#Ёж-Колючий-5527";
    static final String RECIPIENT = "friend@example.org";
    /// Server names the tests' resolver knows; every other name does not resolve (like NXDOMAIN).
    /// The outgoing server's name: one the demo certificate covers.
    static final String HOST = "localhost";
    static final String OTHER_NAME = "smtp.other-name.test";
    static final Map<String, String> NAMES = Map.of(HOST, "127.0.0.1", OTHER_NAME, "127.0.0.1");

    private CheckFixture() {}

    /// The account as a user typed it, aimed at `port` on 127.0.0.1 under the name {@link #HOST}.
    static AccountProfile account(int port, Security security, SmtpAuth auth) {
        return new AccountProfile("scripted", "Alice", LOGIN,
                new IncomingServer(MailProtocol.POP3, "", 110, Security.NONE),
                new OutgoingServer(HOST, port, security), LOGIN, auth, false, RECIPIENT, Duration.ofSeconds(5));
    }

    static AccountProfile withIncoming(AccountProfile p, MailProtocol protocol, int port) {
        return new AccountProfile(p.name(), p.displayName(), p.email(),
                new IncomingServer(protocol, HOST, port, Security.NONE), p.outgoing(), p.login(), p.smtpAuth(),
                p.logOnToIncomingFirst(), p.testRecipient(), p.timeout());
    }

    static AccountProfile withRecipient(AccountProfile p, String recipient) {
        return new AccountProfile(p.name(), p.displayName(), p.email(), p.incoming(), p.outgoing(), p.login(),
                p.smtpAuth(), p.logOnToIncomingFirst(), recipient, p.timeout());
    }

    static AccountProfile withTimeout(AccountProfile p, Duration timeout) {
        return new AccountProfile(p.name(), p.displayName(), p.email(), p.incoming(), p.outgoing(), p.login(),
                p.smtpAuth(), p.logOnToIncomingFirst(), p.testRecipient(), timeout);
    }

    static AccountProfile withHost(AccountProfile p, String host) {
        OutgoingServer o = p.outgoing();
        return p.withOutgoing(new OutgoingServer(host, o.port(), o.security()));
    }

    /// The demo certificate trusted, no other ports, English texts.
    static CheckOptions options() {
        return new CheckOptions(Optional.empty(), false, false, false, Locale.ENGLISH)
                .withExtraTrust(List.of(ScriptedSmtp.TLS.certificate()));
    }

    /// Resolves {@link #NAMES} only; anything else is "not found", as DNS would say for a reserved name.
    static final HostResolver RESOLVER = host -> {
        String a = NAMES.get(host.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(a));
    };

    static AccountCheck check(CheckOptions options) {
        return new AccountCheck(options, RESOLVER, DnsStep.NONE);
    }

    static CheckResult run(AccountProfile profile) {
        return run(profile, PASSWORD, options());
    }

    static CheckResult run(AccountProfile profile, String password, CheckOptions options) {
        CheckResult r = check(options).run(profile, Credentials.of(Secret.of(password)), CheckListener.NONE);
        assertNoSecret(r, password);
        return r;
    }

    /// The transcript, steps and verdict as text, for assertion messages.
    static String describe(CheckResult r) {
        return r.verdict() + "\n" + r.steps().stream().map(s -> s.id() + " " + s.outcome() + " " + s.duration().toMillis()
                + "ms " + s.summary()).collect(Collectors.joining("\n")) + "\n"
                + r.transcript().stream().map(l -> l.connection() + " " + l.direction() + " " + l.text())
                .collect(Collectors.joining("\n"));
    }

    /// The password is nowhere: not in the transcript, the steps (which carry failure messages), the verdict,
    /// the text and JSON renderings; not in clear, in base64, inside an AUTH PLAIN blob, or JSON-escaped.
    static void assertNoSecret(CheckResult r, String password) {
        String everything = describe(r) + r.findings() + r.smtp()
                + new ResultText(Locale.ENGLISH).render(r) + new ResultText(Locale.of("ru")).render(r)
                + new JsonReport(Locale.ENGLISH).write(r);
        String middle = password.substring(2, password.length() - 2);
        for (String form : List.of(password, b64(password), b64("\0" + LOGIN + "\0" + password),
                b64(LOGIN + "\0" + LOGIN + "\0" + password), middle, jsonEscaped(middle, "%04X"),
                jsonEscaped(middle, "%04x"))) {
            assertThat(everything).as("a form of the password leaked").doesNotContain(form);
        }
    }

    /// `text` with every character beyond ASCII written as a JSON backslash-u escape in `hexFormat`.
    private static String jsonEscaped(String text, String hexFormat) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : "\\u" + String.format(hexFormat, (int) c));
        }
        return out.toString();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
